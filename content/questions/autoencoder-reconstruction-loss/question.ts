import type { QuestionSpec } from '@gradlab/content';

const tex = (a: NDArray) =>
  `\\begin{pmatrix} ${(a.toArray() as number[][]).map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
const round = (x: number) => Number(x.toPrecision(4));

const question: QuestionSpec = {
  generate(g) {
    const D = 4;
    // inputs with one decimal, reconstructions off by a few tenths
    const x = g.randint([2, D], -10, 11).divide(10);
    let err = g.randint([2, D], -6, 7).divide(10);
    // every example has some error (else the listed mistakes could match the key)
    while ((err.abs().sum({ axis: 1 }).min().item() as number) === 0)
      err = g.randint([2, D], -6, 7).divide(10);
    const xhat = x.add(err);
    const diff = xhat.subtract(x);
    const perExample = diff.square().sum({ axis: 1 }).multiply(0.5);
    const l2 = perExample.mean().item();
    const l1 = diff.abs().sum({ axis: 1 }).mean().item();
    const fix = (a: NDArray) => np.array((a.toArray() as number[][]).map((r) => r.map((v) => round(v))));
    return {
      params: {
        X: tex(fix(x)),
        Xhat: tex(fix(xhat)),
        E: tex(fix(diff)),
        half0: round((perExample.toArray() as number[])[0] ?? 0),
        half1: round((perExample.toArray() as number[])[1] ?? 0),
        l2: round(l2),
        l1: round(l1),
        // for the listed mistakes
        l2NoHalf: 2 * l2,
        l2PerEntry: l2 / D,
        l1Sum: 2 * l1,
      },
      parts: {
        a: { type: 'numeric', points: 2, key: l2, tolerance: { rtol: 6e-3, atol: 1e-9 } },
        b: { type: 'numeric', points: 1, key: l1, tolerance: { rtol: 6e-3, atol: 1e-9 } },
        c: {
          type: 'text',
          points: 2,
          rubric: [
            {
              id: 'nonlinear',
              description:
                'an autoencoder with nonlinearities is a nonlinear map and can follow curved structure; PCA is a linear projection',
              points: 1,
            },
            {
              id: 'linear-equals-pca',
              description:
                'a linear autoencoder (no nonlinearity) with squared error learns the same subspace as PCA with d components',
              points: 1,
            },
            {
              id: 'vague',
              description: 'only "it has more parameters" or "it uses layers" as the difference',
              points: -0.5,
            },
          ],
        },
      },
    };
  },
  wrong: [
    { part: 'a', why: 'the factor 1/2 left out', response: (v) => String(v.params.l2NoHalf) },
    {
      part: 'a',
      why: 'averaged over all N·D entries instead of the N examples',
      response: (v) => String(v.params.l2PerEntry),
    },
    { part: 'b', why: 'summed over the batch (no 1/N)', response: (v) => String(v.params.l1Sum) },
  ],
};

export default question;
