import type { ExerciseSpec, Inputs } from '@gradlab/content';

// numericGradient(f, x, h) and relativeError(a, b). The scenario builds f from the case's inputs
// (a cubic, or a softmax cross-entropy as a function of its weights), hands it to the learner's
// numericGradient, and calls relativeError on two given arrays. The grad is compared with the
// reference's centred differences at the same h: two correct implementations agree to rounding
// (about eps |f| / h, 1e-10 here), a one-sided difference is off by O(h) (1e-5 and more), so
// rtol 1e-6 tells them apart while leaving room even for the O(h^2) truncation error itself.
// The relative error is computed from exact inputs: it is checked at the default 1e-7.
type Fns = 'numericGradient' | 'relativeError';

/** The function of x a case asks for: sum(w * x^3), or the mean softmax loss of data @ x. */
function lossFunction(inputs: Inputs): (x: NDArray) => number {
  if (inputs.kind === 'cubic') {
    const w = inputs.w as NDArray;
    return (x) => w.multiply(x.power(3)).sum().item();
  }
  const data = inputs.data as NDArray;
  const labels = (inputs.labels as NDArray).reshape(-1, 1);
  return (x) => {
    const scores = data.matmul(x);
    const shifted = scores.subtract(scores.max({ axis: 1, keepdims: true }));
    const logSumExp = shifted.exp().sum({ axis: 1, keepdims: true }).log();
    const correct = np.takeAlongAxis(shifted, labels, 1);
    return logSumExp.subtract(correct).mean().item();
  };
}

export const run: ExerciseSpec<Fns>['run'] = ({ numericGradient, relativeError }, inputs) => {
  const { grad } = numericGradient(lossFunction(inputs), inputs.x, inputs.h);
  const { error } = relativeError(inputs.a, inputs.b);
  return { grad, error };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['numericGradient', 'relativeError'],
  run,
  outputs: {
    grad: { label: 'numericGradient: grad', rtol: 1e-6 },
    error: { label: 'relativeError: error' },
  },
  cases: [
    {
      name: 'cubic f = sum(w * x^3), h = 1e-5; b close to a',
      visibility: 'public',
      points: 2,
      seed: 31,
      inputs: (g) => {
        const a = g.randn([4]);
        return {
          kind: 'cubic',
          x: g.randn([2, 3]),
          w: g.randn([2, 3]),
          h: 1e-5,
          a,
          b: a.add(g.randn([4], { scale: 1e-3 })),
        };
      },
    },
    {
      name: 'softmax loss of the weights, h = 1e-5; a pair of zeros',
      visibility: 'public',
      points: 2,
      seed: 32,
      inputs: (g) => ({
        kind: 'softmax',
        x: g.randn([3, 4]),
        data: g.randn([5, 3]),
        labels: g.randint([5], 0, 4),
        h: 1e-5,
        a: np.array([0, 1.5, -2, 3]),
        b: np.array([0, 1.5000001, -1.9, 3]),
      }),
    },
    {
      name: 'rank-3 x, h = 1e-4; values below 1e-8',
      visibility: 'hidden',
      points: 2,
      seed: 33,
      inputs: (g) => ({
        kind: 'cubic',
        x: g.randn([2, 2, 2]),
        w: g.randn([2, 2, 2]),
        h: 1e-4,
        a: np.array([1e-10, 3e-9, 0.5, 0]),
        b: np.array([-1e-10, 1e-9, 0.5, 0]),
      }),
    },
    {
      name: 'large softmax scores, h = 1e-3; opposite signs',
      visibility: 'hidden',
      points: 2,
      seed: 34,
      inputs: (g) => {
        const a = g.randn([2, 3]);
        return {
          kind: 'softmax',
          x: g.randn([4, 3], { scale: 5 }),
          data: g.randn([6, 4]),
          labels: g.randint([6], 0, 3),
          h: 1e-3,
          a,
          b: a.multiply(-0.5),
        };
      },
    },
    {
      name: 'one element, h = 1e-2; mixed magnitudes',
      visibility: 'hidden',
      points: 2,
      seed: 35,
      inputs: (g) => ({
        kind: 'cubic',
        x: g.randn([1], { shift: 2 }),
        w: g.randn([1]),
        h: 1e-2,
        a: np.array([
          [1e3, 2e-3],
          [-4.0, 7e5],
        ]),
        b: np.array([
          [1.001e3, 2.2e-3],
          [-4.0, 7e5 + 1],
        ]),
      }),
    },
  ],
};

export default spec;
