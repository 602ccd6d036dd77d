/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'The KL term of a VAE is zero exactly when every latent dimension has mean 0 and standard deviation 1.',
    true: true,
    why: '$\\tfrac12(\\mu^2 + \\sigma^2 - \\log\\sigma^2 - 1)$ is zero only at $\\mu = 0$, $\\sigma = 1$.',
  },
  {
    text: 'The reparameterisation trick changes the distribution of the code z.',
    true: false,
    why: '$z = \\mu + \\sigma \\odot \\epsilon$ has the same distribution $\\mathcal{N}(\\mu, \\sigma^2)$; only the way it is computed changes, so that gradients reach $\\mu$ and $\\sigma$.',
  },
  {
    text: 'In z = \u03bc + \u03c3 \u2299 \u03b5, the noise \u03b5 is treated as a constant input during backpropagation.',
    true: true,
    why: 'The randomness is moved into $\\epsilon$; $z$ is then a differentiable function of $\\mu$ and $\\sigma$.',
  },
  {
    text: 'To generate a new sample with a trained VAE, one first needs an input image to encode.',
    true: false,
    why: 'One draws $z \\sim \\mathcal{N}(0, I)$ and decodes it; the encoder is not needed.',
  },
  {
    text: 'The generator of a GAN takes a random noise vector as its input.',
    true: true,
    why: 'It maps noise $z$ to a sample $G(z)$.',
  },
  {
    text: 'The discriminator of a GAN takes random noise as its input and outputs an image.',
    true: false,
    why: 'That describes the generator; the discriminator takes an image and outputs the probability that it is real.',
  },
  {
    text: 'In mode collapse, the generator produces only a few kinds of outputs.',
    true: true,
    why: 'It settles on a few outputs that fool the current discriminator instead of covering the data distribution.',
  },
  {
    text: 'The non-saturating generator loss \u2212log D(G(z)) has a vanishing gradient when D(G(z)) is close to 0.',
    true: false,
    why: 'That is the original loss $\\log(1 - D(G(z)))$; the non-saturating one has gradient $-(1 - D) \\approx -1$ there.',
  },
  {
    text: 'When the generator matches the data distribution, the best discriminator outputs 1/2 for every input.',
    true: true,
    why: 'Real and generated images are then indistinguishable, so $D = \\tfrac12$ is optimal.',
  },
  {
    text: "The value of a GAN's loss is a reliable measure of the quality of its samples.",
    true: false,
    why: 'The two losses measure the balance of a game between two moving networks, and say little about sample quality.',
  },
];

export default statementQuestion(statements);
