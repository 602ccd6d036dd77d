/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'In evaluation mode, batch normalization uses running averages of the mean and variance collected during training instead of the statistics of the current batch.',
    true: true,
    why: 'A test prediction must not depend on which other examples happen to share its batch, so the layer switches to the estimates it accumulated while training.',
  },
  {
    text: 'Layer normalization computes different statistics at training time and at test time.',
    true: false,
    why: 'Its mean and variance come from the features of the single example being processed, so it does exactly the same computation in both modes.',
  },
  {
    text: 'For a convolutional layer, batch normalization keeps one mean and one variance per channel, pooled over the examples and all spatial positions.',
    true: true,
    why: 'Every position of a channel is produced by the same filter, so they share statistics; gamma and beta also exist once per channel.',
  },
  {
    text: 'With a batch of two examples, batch normalization still gives reliable statistics, because it averages over every feature of the layer at once.',
    true: false,
    why: 'Each feature is averaged over the batch only, here two numbers, so the estimates are very noisy; layer or group normalization avoid the batch dimension.',
  },
  {
    text: 'Because gamma and beta are learned, a batch normalization layer can represent the identity mapping if that turns out to be best.',
    true: true,
    why: 'Setting the scale to the batch standard deviation and the shift to the batch mean undoes the standardisation, so nothing is lost in expressiveness.',
  },
  {
    text: 'Networks with batch normalization usually need a smaller learning rate than the same networks without it.',
    true: false,
    why: 'The opposite holds: normalized activations make training tolerate much larger learning rates and be far less sensitive to the initialization.',
  },
  {
    text: 'Transformers and recurrent networks normally use layer normalization rather than batch normalization.',
    true: true,
    why: 'It works per example, so batch size one and sequences of varying length are no problem.',
  },
  {
    text: 'Group normalization normalises each group of channels across all the examples of the batch.',
    true: false,
    why: 'It works per example: the statistics are taken over a group of channels and the spatial positions of one image, which is why it suits detection and segmentation with small batches.',
  },
  {
    text: 'Placing dropout directly before a batch normalization layer can hurt, because the variance that layer sees during training differs from the one at test time.',
    true: true,
    why: 'Dropout changes the spread of its output in training but not in evaluation, so the running variance no longer matches what arrives at test time.',
  },
  {
    text: 'Leaving batch normalization in training mode at test time is harmless, since every test example is then still normalised with the statistics collected during training.',
    true: false,
    why: 'In training mode the layer uses the mean and variance of the current test batch, not the running averages, so a prediction depends on the other test examples (and a batch of one is normalised to beta); this is the classic bug of the lecture.',
  },
];

export default statementQuestion(statements);
