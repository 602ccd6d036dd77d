import type { QuestionSpec } from '@gradlab/content';

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

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const shown = g.shuffle(statements).slice(0, 4);
      const key = shown.flatMap((s, i) => (s.true ? [i] : []));
      // one to three true statements, so that "every option" and "no option" are always wrong
      if (key.length < 1 || key.length > 3) continue;
      return {
        params: {
          verdicts: shown.map((s, i) => `- (${i + 1}) **${s.true ? 'True' : 'False'}.** ${s.why}`).join('\n'),
        },
        parts: {
          a: {
            type: 'multi',
            points: 2,
            scoring: 'all-or-nothing',
            options: shown.map((s) => s.text),
            key,
          },
        },
      };
    }
  },
  wrong: [
    { part: 'a', why: 'every option', response: () => [0, 1, 2, 3] },
    { part: 'a', why: 'no option', response: () => [] },
    {
      part: 'a',
      why: 'the true statements and one false one',
      response: (v) => {
        const key = (v.parts.a as { key: number[] }).key;
        return [...key, [0, 1, 2, 3].find((i) => !key.includes(i)) as number];
      },
    },
    {
      part: 'a',
      why: 'only the first true statement, or one true statement fewer',
      response: (v) => (v.parts.a as { key: number[] }).key.slice(1),
    },
  ],
};

export default question;
