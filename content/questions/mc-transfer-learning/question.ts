/** The pool: each variant shows four of these statements, with one to three of them true. */
const statements = [
  {
    text: 'The early layers of a CNN trained on ImageNet detect edges, colours and textures that are useful for most image tasks.',
    true: true,
    why: 'Features go from generic (early) to specific (late); the early ones transfer best.',
  },
  {
    text: 'When fine-tuning, the pretrained layers should get a larger learning rate than the new head.',
    true: false,
    why: 'They should get a smaller one (typically 10 to 100 times smaller), so that they do not forget what they learned.',
  },
  {
    text: 'With only a few hundred labelled images for a task similar to the source, freezing the backbone and training only a new head is a sound choice.',
    true: true,
    why: 'With so little data, fine-tuning the backbone would overfit; the frozen backbone is a fixed feature extractor.',
  },
  {
    text: 'A frozen layer is updated with a smaller learning rate than the other layers.',
    true: false,
    why: 'A frozen layer is not updated at all; a smaller learning rate is what fine-tuned layers get.',
  },
  {
    text: "The new head that replaces the source task's last layer starts from random weights.",
    true: true,
    why: 'It has one output per target class, so it cannot come from the source network.',
  },
  {
    text: 'Transfer learning requires the target task to have the same classes as the source task.',
    true: false,
    why: 'The head is replaced precisely so that the target can have its own classes.',
  },
  {
    text: 'The gain from transfer learning shrinks when the target domain differs a lot from the source, for example medical scans and photographs.',
    true: true,
    why: 'Fewer of the learned features fit the target; one fine-tunes more of the network and gains less.',
  },
  {
    text: 'The layers closest to the output transfer best, because they hold the most abstract features.',
    true: false,
    why: 'The last layers are the most specific to the source classes; they are the first to be replaced or retrained.',
  },
  {
    text: 'The source network does not need to have been trained with labels: the encoder of an autoencoder can be transferred too.',
    true: true,
    why: 'Unsupervised pretraining on unlabelled images followed by transfer of the encoder is a form of transfer learning.',
  },
  {
    text: 'Freezing a layer means that its outputs are set to zero during training.',
    true: false,
    why: 'Freezing keeps the layer in the forward pass; only its parameters stop being updated.',
  },
];

export default statementQuestion(statements);
