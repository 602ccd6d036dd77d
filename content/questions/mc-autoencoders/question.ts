/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'Training an autoencoder needs no labels: each input is its own target.',
    true: true,
    why: 'The reconstruction loss compares the output with the input itself, so the training is unsupervised.',
  },
  {
    text: 'A linear autoencoder (no nonlinearity) trained with the squared error learns the same subspace as PCA with as many components as its code has dimensions.',
    true: true,
    why: 'Without nonlinearities the best it can do is the projection onto the top principal directions.',
  },
  {
    text: 'Making the bottleneck larger than the input gives the autoencoder more useful features.',
    true: false,
    why: 'With a code as large as the input the network can learn the identity: perfect reconstructions, no compression, nothing useful learned.',
  },
  {
    text: 'With a bottleneck that is too small, reconstructions become blurry and lose detail.',
    true: true,
    why: 'Too little information passes through the code: the model underfits.',
  },
  {
    text: "Decoding a code drawn at random from a standard normal distribution with a plain autoencoder's decoder gives realistic samples.",
    true: false,
    why: 'The decoder was only shaped at the codes of real inputs, an irregular region of the latent space; a random code usually decodes to garbage. A VAE fixes this.',
  },
  {
    text: 'A denoising autoencoder receives a corrupted input and is trained to output the clean input.',
    true: true,
    why: 'That is its definition: corrupted in, clean target out.',
  },
  {
    text: 'A denoising autoencoder uses the corrupted input as its reconstruction target.',
    true: false,
    why: 'The target is the clean input; with the corrupted one as target it would learn to reproduce the noise.',
  },
  {
    text: 'An unusually large reconstruction error can flag an input that is unlike the training data.',
    true: true,
    why: 'This is how autoencoders are used for anomaly detection.',
  },
  {
    text: 'To build a classifier from an autoencoder pretrained on unlabelled data, one keeps the decoder and discards the encoder.',
    true: false,
    why: 'It is the other way round: the encoder holds the features of the input and gets a classifier head; the decoder is discarded.',
  },
  {
    text: 'An autoencoder must be built from fully connected layers; convolutions cannot be used.',
    true: false,
    why: 'Convolutional autoencoders (convolutions and pooling in the encoder, upsampling in the decoder) are common for images.',
  },
];

export default statementQuestion(statements);
