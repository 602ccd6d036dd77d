import type { QuestionSpec } from '@gradlab/content';

/** Curve descriptions with their diagnoses; the last two are always shown. */
const curves = [
  [
    'The training loss stays at its starting value from the first step on.',
    'the learning rate is far too small, or gradients do not reach the parameters',
  ],
  [
    'After a few steps the training loss shoots up and turns into NaN.',
    'the learning rate is too large, or a log or exponent overflows',
  ],
  [
    'Training accuracy climbs towards 100% while validation accuracy peaks and then drops; the gap keeps widening.',
    'overfitting',
  ],
  [
    'Training and validation accuracy are both low, close to each other, and have stopped improving.',
    'underfitting',
  ],
  [
    'Validation accuracy stays slightly above training accuracy for the whole run; dropout and augmentation are on during training.',
    'nothing is wrong: the regularizers act only while training',
  ],
  [
    'The loss sits on a long plateau and falls sharply just after the learning rate is divided by 10.',
    'the learning-rate drop came too late',
  ],
  [
    'The loss is still falling steadily when the learning rate is divided by 10, and hardly moves afterwards.',
    'the learning-rate drop came too early',
  ],
] as const;

const remedies = {
  over: 'More training data or augmentation, stronger weight decay or dropout, or stopping earlier',
  under: 'A larger model, longer training, or weaker regularization',
  lr: 'Keep everything and only lower the learning rate tenfold',
  test: 'Choose between the models by their test-set accuracy',
};

const question: QuestionSpec = {
  generate(g) {
    const shown = [...g.shuffle(curves.slice(0, 5)).slice(0, 3), curves[5], curves[6]];
    const left = g.shuffle(shown.map(([d]) => d));
    const right: string[] = g.shuffle(curves.map(([, d]) => d));
    const diagnosisOf = (d: string) => curves.find(([c]) => c === d)?.[1] ?? '';
    const over = g.pick([true, false]);
    const trainAcc = over ? g.int(95, 99) : g.int(55, 65);
    const valAcc = over ? g.int(65, 78) : trainAcc - g.int(1, 3);
    const trend = over
      ? 'the validation loss has been rising for several epochs while the training loss keeps falling'
      : 'both losses flattened out long ago at a similar, high value';
    const options = g.shuffle(Object.values(remedies));
    const right2 = over ? remedies.over : remedies.under;
    return {
      params: {
        trainAcc,
        valAcc,
        trend,
        verdict: over
          ? 'The large and growing gap between training and validation is overfitting: the network fits the training set, including its noise. More data (or augmentation), more regularization or early stopping attack it; a bigger model would make it worse.'
          : 'Both accuracies are low and almost equal: underfitting. The model cannot even fit the training data, so it needs more capacity, more training time, or less regularization; regularizing more would make it worse.',
        other: over ? remedies.under : remedies.over,
      },
      parts: {
        a: {
          type: 'matching',
          points: 5,
          scoring: 'partial',
          left,
          right,
          key: left.map((d) => right.indexOf(diagnosisOf(d))),
        },
        b: { type: 'choice', points: 2, options, key: options.indexOf(right2) },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'the too-late and too-early learning-rate drops swapped',
      expect: 0.6,
      response: (v) => {
        const part = v.parts.a as { left: string[]; key: number[] };
        const a = part.left.indexOf(curves[5][0]);
        const b = part.left.indexOf(curves[6][0]);
        return part.key.map((k, j) => (j === a ? part.key[b] : j === b ? part.key[a] : k));
      },
    },
    {
      part: 'b',
      why: 'the remedy for the opposite problem',
      response: (v) => (v.parts.b as { options: string[] }).options.indexOf(String(v.params.other)),
    },
    {
      part: 'b',
      why: 'deciding on the test set',
      response: (v) => (v.parts.b as { options: string[] }).options.indexOf(remedies.test),
    },
  ],
};

export default question;
