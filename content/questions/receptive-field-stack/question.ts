import type { QuestionSpec } from '@gradlab/content';

/** The layers a stack is drawn from: kernel k and stride s (padding does not change the receptive field). */
const kinds = [
  { name: 'convolution $3 \\times 3$, stride 1', k: 3, s: 1 },
  { name: 'convolution $5 \\times 5$, stride 1', k: 5, s: 1 },
  { name: 'convolution $3 \\times 3$, stride 2', k: 3, s: 2 },
  { name: 'max pooling $2 \\times 2$, stride 2', k: 2, s: 2 },
];

/** The second advantage of stacked small kernels: the first is right. */
const advantages = [
  'More nonlinearities between input and output, so the stack can compute richer functions',
  'A larger receptive field than the single large kernel',
  'A smaller output feature map',
  'No padding is needed to keep the spatial size',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const stack = [0, 1, 2, 3].map(() => g.pick(kinds));
      // a plausible network: it starts with a stride-1 convolution, never pools twice in a row,
      // and downsamples at most twice
      const pools = stack.map((layer) => layer.name.startsWith('max'));
      if (stack[0]?.s !== 1 || pools.some((p, l) => p && pools[l + 1])) continue;
      if (stack.filter((layer) => layer.s > 1).length > 2) continue;
      // r_L = 1 + sum over layers of (k - 1) times the product of the earlier strides
      let r = 1;
      let jump = 1;
      const steps: string[] = ['r_0 = 1'];
      stack.forEach((layer, l) => {
        const before = r;
        r += (layer.k - 1) * jump;
        steps.push(`r_${l + 1} = ${before} + (${layer.k} - 1) \\cdot ${jump} = ${r}`);
        jump *= layer.s;
      });
      const noStrides = 1 + stack.reduce((acc, layer) => acc + layer.k - 1, 0);
      const kernelSum = stack.reduce((acc, layer) => acc + layer.k, 0);
      if (noStrides === r || kernelSum === r) continue;
      const n = g.pick([2, 3]);
      const c = g.pick([16, 32, 64, 128]);
      const big = 2 * n + 1;
      const stacked = n * 3 * 3 * c * c;
      const single = big * big * c * c;
      const options = g.shuffle(advantages);
      return {
        params: {
          layers: stack.map((layer, l) => `${l + 1}. ${layer.name}`).join('\n'),
          steps: steps.join(', \\quad '),
          r,
          n,
          c,
          big,
          stacked,
          single,
          // for the listed mistakes
          noStrides,
          kernelSum,
          oneLayer: 9 * c * c,
          noChannels: big * big * c,
        },
        parts: {
          a: { type: 'integer', points: 2, key: r },
          b: { type: 'integer', points: 1, key: stacked },
          c: { type: 'integer', points: 1, key: single },
          d: { type: 'choice', points: 2, options, key: options.indexOf(advantages[0] as string) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the strides ignored: every layer adds k - 1',
      response: (v) => String(v.params.noStrides),
    },
    { part: 'a', why: 'the kernel sizes added up', response: (v) => String(v.params.kernelSum) },
    { part: 'b', why: 'only one of the stacked layers counted', response: (v) => String(v.params.oneLayer) },
    { part: 'c', why: 'the input channels forgotten', response: (v) => String(v.params.noChannels) },
    {
      part: 'd',
      why: 'a larger receptive field (it is the same)',
      response: (v) => (v.parts.d as { options: string[] }).options.indexOf(advantages[1] as string),
    },
  ],
};

export default question;
