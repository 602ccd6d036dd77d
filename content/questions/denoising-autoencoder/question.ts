import type { QuestionSpec } from '@gradlab/content';

const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (a: NDArray) =>
  `\\begin{pmatrix} ${list(a)
    .map((v) => Number(v.toFixed(4)))
    .join(' & ')} \\end{pmatrix}^\\top`;
const r4 = (v: number) => Number(v.toPrecision(4));

const pairs = [
  'input: the corrupted x̃; target: the clean x',
  'input: the clean x; target: the corrupted x̃',
  'input: the corrupted x̃; target: the corrupted x̃',
  'input: the corrupted x̃; target: the noise n = x̃ − x',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const x = g.randint([3], -5, 6).divide(5);
      const n = g.randint([3], -4, 5).divide(10);
      // the output lies between the noisy input and the clean one, with a little error of its own
      const xhat = x.add(n.multiply(g.pick([0.2, 0.3, 0.5]))).add(g.randint([3], -1, 2).divide(10));
      const loss = xhat.subtract(x).square().sum().multiply(0.5).item();
      const noisyLoss = xhat.subtract(x.add(n)).square().sum().multiply(0.5).item();
      const noiseLoss = n.square().sum().multiply(0.5).item();
      const differs = (a: number) => Math.abs(a - loss) > 0.01 * Math.abs(loss) + 1e-6;
      if (loss === 0 || !differs(noisyLoss) || !differs(noiseLoss)) continue;
      const options = g.shuffle(pairs);
      return {
        params: {
          x: tex(x),
          n: tex(n),
          xhat: tex(xhat),
          xtilde: tex(x.add(n)),
          diff: tex(xhat.subtract(x)),
          loss: r4(loss),
          noisyLoss,
          noiseLoss,
        },
        parts: {
          a: { type: 'choice', points: 1, options, key: options.indexOf(pairs[0] as string) },
          b: { type: 'numeric', points: 2, key: loss, tolerance: { rtol: 6e-3, atol: 1e-9 } },
          c: {
            type: 'text',
            points: 2,
            rubric: [
              {
                id: 'no-copy',
                description:
                  'copying the input would keep the noise: to reach the clean target it must learn what typical (clean) data look like / robust features',
                points: 1.5,
              },
              {
                id: 'use',
                description:
                  'a use: removing noise from new inputs (denoising), or its encoder as robust features for pretraining',
                points: 0.5,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'clean input, corrupted target',
      response: (v) => (v.parts.a as { options: string[] }).options.indexOf(pairs[1] as string),
    },
    {
      part: 'a',
      why: 'the corrupted input as its own target',
      response: (v) => (v.parts.a as { options: string[] }).options.indexOf(pairs[2] as string),
    },
    {
      part: 'b',
      why: 'compared with the corrupted input x + n',
      response: (v) => String(v.params.noisyLoss),
    },
    { part: 'b', why: 'the size of the noise, 1/2 |n|^2', response: (v) => String(v.params.noiseLoss) },
  ],
};

export default question;
