import type { QuestionSpec } from '@gradlab/content';

const ideas = [
  [
    'LeNet-5 (1998)',
    'alternating convolutions and subsampling, then fully connected layers, to read handwritten digits',
  ],
  ['AlexNet (2012)', 'a deeper LeNet trained on ImageNet on GPUs, with ReLU, dropout and data augmentation'],
  ['VGG (2014)', 'nothing but 3 × 3 convolutions and 2 × 2 max pooling, 16 to 19 layers deep'],
  [
    'GoogLeNet / Inception (2014)',
    'parallel branches with several kernel sizes, made cheap by 1 × 1 convolutions',
  ],
  ['ResNet (2015)', 'identity shortcuts around small stacks of layers, so that 100+ layers still train'],
] as const;

/** Where most of VGG's parameters are: the first option is right. */
const places = [
  'In the fully connected layers at the end',
  'In the first convolutional layers, which see the full-resolution image',
  'In the max pooling layers',
  'Evenly spread over all the convolutional layers',
];

const question: QuestionSpec = {
  generate(g) {
    const c = g.pick([256, 512, 1024]);
    const m = c / 4;
    const skip = "the block's input added through the skip connection";
    const steps = [
      `a 1 × 1 convolution from ${c} to ${m} channels`,
      `a 3 × 3 convolution from ${m} to ${m} channels`,
      `a 1 × 1 convolution from ${m} to ${c} channels`,
      skip,
    ];
    const left = g.shuffle(ideas.map(([name]) => name));
    const right: string[] = g.shuffle(ideas.map(([, idea]) => idea));
    const items = g.shuffle(steps);
    const options = g.shuffle(places);
    return {
      // VGG-16's first fully connected layer: the flattened 7 x 7 x 512 map to 4096 units
      params: { c, m, vggFc: `${Math.round((7 * 7 * 512 * 4096) / 1e6)}` },
      parts: {
        a: {
          type: 'matching',
          points: 3,
          scoring: 'partial',
          left,
          right,
          key: left.map((name) => right.indexOf(ideas.find(([n]) => n === name)?.[1] ?? '')),
        },
        b: { type: 'ordering', points: 2, items, key: steps.map((s) => items.indexOf(s)) },
        c: { type: 'choice', points: 1, options, key: options.indexOf(places[0] as string) },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'VGG and GoogLeNet swapped',
      expect: 0.6,
      response: (v) => {
        const part = v.parts.a as { left: string[]; key: number[] };
        const a = part.left.indexOf('VGG (2014)');
        const b = part.left.indexOf('GoogLeNet / Inception (2014)');
        return part.key.map((k, j) => (j === a ? part.key[b] : j === b ? part.key[a] : k));
      },
    },
    {
      part: 'b',
      why: 'the 3 × 3 convolution on the full channels first, then the reduction',
      response: (v) => {
        const key = [...(v.parts.b as { key: number[] }).key];
        [key[0], key[1]] = [key[1] as number, key[0] as number];
        return key;
      },
    },
    {
      part: 'c',
      why: 'the first convolutions',
      response: (v) => (v.parts.c as { options: string[] }).options.indexOf(places[1] as string),
    },
  ],
};

export default question;
