import type { QuestionSpec } from '@gradlab/content';

const strategies = [
  'freeze the whole pretrained backbone and train only a new head',
  'freeze the early layers, fine-tune the last blocks together with a new head',
  'fine-tune the whole network, starting from the pretrained weights',
  'pretrain an autoencoder on all the images, then transfer its encoder and add a head',
] as const;

const steps = [
  'load the network with its pretrained weights',
  'replace the 1000-class last layer by a new, randomly initialised layer for the target classes',
  'freeze the backbone and train the new head',
  'unfreeze the last blocks and fine-tune them with a 10 to 100 times smaller learning rate',
];

const question: QuestionSpec = {
  generate(g) {
    const classes = g.pick([5, 8, 10, 12, 20]);
    const subject = g.pick(['dog breeds', 'bird species', 'kinds of food', 'car models', 'flowers']);
    const small = g.pick([200, 300, 500, 800]);
    const medium = g.pick([20, 30, 50, 60]);
    const large = g.pick([1, 2, 5]);
    const unlabelled = g.pick([100, 200, 500]);
    const situations = [
      `${small} labelled photographs of ${subject}`,
      `${medium},000 labelled photographs of ${subject}`,
      `${large} million labelled photographs of ${subject}`,
      `${unlabelled},000 unlabelled photographs of ${subject}, only a few hundred of them labelled, where the rules forbid using the pretrained network`,
    ];
    // the first situation is the small one (part b refers to it), the rest shuffled
    const left = [situations[0] as string, ...g.shuffle(situations.slice(1))];
    const right: string[] = g.shuffle(strategies);
    const items = g.shuffle(steps);
    return {
      params: { classes, subject, small },
      parts: {
        a: {
          type: 'matching',
          points: 2,
          scoring: 'partial',
          left,
          right,
          key: left.map((s) => right.indexOf(strategies[situations.indexOf(s)] as string)),
        },
        b: { type: 'ordering', points: 2, items, key: steps.map((s) => items.indexOf(s)) },
        c: {
          type: 'text',
          points: 2,
          rubric: [
            {
              id: 'already-good',
              description:
                'the pretrained weights are already good; large steps would destroy what they learned',
              points: 1,
            },
            {
              id: 'random-head',
              description:
                'the new head starts random and needs large updates (its early gradients are large and uninformative), while the pretrained layers should change only a little / not overfit the small target set',
              points: 1,
            },
          ],
        },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'the small and the large data set swapped',
      expect: 0.5,
      response: (v) => {
        const part = v.parts.a as { left: string[]; key: number[] };
        const s = part.left.findIndex((l) => /^\d+ labelled/.test(l));
        const l = part.left.findIndex((x) => x.includes('million'));
        return part.key.map((k, j) => (j === s ? part.key[l] : j === l ? part.key[s] : k));
      },
    },
    {
      part: 'a',
      why: 'fine-tune everything in every case',
      expect: 0.25,
      response: (v) => {
        const part = v.parts.a as { left: string[]; right: string[] };
        return part.left.map(() => part.right.indexOf(strategies[2]));
      },
    },
    {
      part: 'b',
      why: 'fine-tuning the backbone before the new head is trained',
      response: (v) => {
        const key = [...(v.parts.b as { key: number[] }).key];
        [key[2], key[3]] = [key[3] as number, key[2] as number];
        return key;
      },
    },
  ],
};

export default question;
