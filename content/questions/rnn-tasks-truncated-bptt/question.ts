import type { QuestionSpec } from '@gradlab/content';

/** the input-output setups of the lecture, each with tasks that need it */
const setups = [
  {
    name: 'many-to-one: a whole sequence in, one output at the end',
    tasks: [
      'deciding whether a product review is positive or negative',
      'recognising the activity shown in a video clip',
      'flagging a machine from a day of sensor readings as faulty or healthy',
    ],
  },
  {
    name: 'many-to-many: one output for every input step',
    tasks: [
      'tagging every word of a sentence with its part of speech',
      'predicting the next character at every position of a text',
      'labelling every frame of a video as speech or silence',
    ],
  },
  {
    name: 'one-to-many: a single input, a sequence out',
    tasks: ['writing a caption for a photograph', 'producing a spoken description of one still image'],
  },
  {
    name: 'encoder-decoder: a sequence in, a sequence of another length out',
    tasks: ['translating an English sentence into Finnish', 'summarising a paragraph as one short sentence'],
  },
];

const remedies = [
  ['gradient clipping by norm', 'exploding gradients and the huge updates they cause'],
  ['gating with an additive cell state (LSTM, GRU)', 'vanishing gradients over long spans'],
  [
    'truncated backpropagation through time',
    'the memory and time of backpropagating through very long sequences',
  ],
  [
    'a forget-gate bias initialised to 1 or more',
    'a network that forgets its cell state from the start of training',
  ],
] as const;

const question: QuestionSpec = {
  generate(g) {
    const picked = setups.map((s) => ({ name: s.name, task: g.pick(s.tasks) }));
    const left = g.shuffle(picked.map((p) => p.task));
    const right: string[] = g.shuffle(setups.map((s) => s.name));
    const remedyLeft = g.shuffle(remedies.map(([r]) => r));
    const remedyRight: string[] = g.shuffle(remedies.map(([, p]) => p));
    for (;;) {
      const chunk = g.pick([20, 25, 32, 50]);
      const length = g.int(5, 40) * 10 + g.pick([3, 7]);
      if (length % chunk === 0) continue;
      const full = Math.floor(length / chunk);
      const chunks = Math.ceil(length / chunk);
      return {
        params: {
          length,
          chunk,
          full,
          chunks,
          rest: length - full * chunk,
          floor: full,
        },
        parts: {
          a: {
            type: 'matching',
            points: 2,
            scoring: 'partial',
            left,
            right,
            key: left.map((t) => right.indexOf(picked.find((p) => p.task === t)?.name ?? '')),
          },
          b: { type: 'integer', points: 1, key: chunks },
          c: { type: 'yes-no', points: 2, key: true, reasonPoints: 1 },
          d: {
            type: 'matching',
            points: 2,
            scoring: 'partial',
            left: remedyLeft,
            right: remedyRight,
            key: remedyLeft.map((r) => remedyRight.indexOf(remedies.find(([n]) => n === r)?.[1] ?? '')),
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'many-to-one and many-to-many swapped',
      expect: 0.5,
      response: (v) => {
        const part = v.parts.a as { right: string[]; key: number[] };
        const one = part.right.findIndex((r) => r.startsWith('many-to-one'));
        const many = part.right.findIndex((r) => r.startsWith('many-to-many'));
        return part.key.map((k) => (k === one ? many : k === many ? one : k));
      },
    },
    {
      part: 'b',
      why: 'the shorter last chunk forgotten',
      response: (v) => String(v.params.floor),
    },
    {
      part: 'c',
      why: 'no: each chunk starts again from a zero state',
      response: () => ({ answer: false, reason: 'each chunk is independent' }),
    },
    {
      part: 'd',
      why: 'clipping and gating swapped (clipping against vanishing gradients)',
      expect: 0.5,
      response: (v) => {
        const part = v.parts.d as { right: string[]; key: number[] };
        const explode = part.right.findIndex((r) => r.startsWith('exploding'));
        const vanish = part.right.findIndex((r) => r.startsWith('vanishing'));
        return part.key.map((k) => (k === explode ? vanish : k === vanish ? explode : k));
      },
    },
  ],
};

export default question;
