import type { ExerciseSpec } from '@gradlab/content';

// clipByNorm and clipByValue on a plain object of gradient arrays. The scenario calls both on
// the same object, checks that each result has the input's keys and shapes, and returns every
// object flattened into one array (keys in the input's order), plus the input object itself
// after both calls: the arrays inside an object are not watched for in-place changes by the
// runner, so a change shows up there (and in clipByValue, which then sees scaled arrays).
type Fns = 'clipByNorm' | 'clipByValue';
type Grads = Record<string, NDArray>;

const shapeText = (shape: readonly number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

/** The arrays of `result` in the order of `input`'s keys, each flattened, as one array. */
function gather(name: string, result: unknown, input: Grads): NDArray {
  if (result === null || typeof result !== 'object' || Array.isArray(result))
    throw new Error(`${name} must return { grads } with grads a plain object of arrays`);
  const got = result as Record<string, unknown>;
  const keys = Object.keys(input);
  const extra = Object.keys(got).filter((k) => !keys.includes(k));
  if (extra.length > 0)
    throw new Error(`${name}: grads has keys the input does not have: ${extra.join(', ')}`);
  return np.concatenate(
    keys.map((key) => {
      const value = got[key];
      const expected = (input[key] as NDArray).shape;
      if (typeof value !== 'object' || value === null || !('shape' in value) || !('ravel' in value))
        throw new Error(`${name}: grads.${key} is missing or not an array`);
      const array = value as NDArray;
      if (array.shape.length !== expected.length || array.shape.some((d, i) => d !== expected[i]))
        throw new Error(
          `${name}: grads.${key} has shape ${shapeText(array.shape)}, expected ${shapeText(expected)}`,
        );
      return array.ravel();
    }),
  );
}

export const run: ExerciseSpec<Fns>['run'] = ({ clipByNorm, clipByValue }, inputs) => {
  const grads = inputs.grads as Grads;
  const byNorm = clipByNorm(grads, inputs.maxNorm);
  const byValue = clipByValue(grads, inputs.limit);
  return {
    norm: byNorm.norm,
    clipped: gather('clipByNorm', byNorm.grads, grads),
    byValue: gather('clipByValue', byValue.grads, grads),
    unchanged: gather('the input', grads, grads),
  };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['clipByNorm', 'clipByValue'],
  run,
  outputs: {
    norm: { label: 'clipByNorm: norm' },
    clipped: { label: 'clipByNorm: grads (all arrays, flattened in key order)' },
    byValue: { label: 'clipByValue: grads (all arrays, flattened in key order)' },
    unchanged: { label: 'the grads you were given, after both calls (must not change)' },
  },
  cases: [
    {
      name: 'RNN gradients { dWx, dWh, db }, norm above maxNorm',
      visibility: 'public',
      points: 2,
      seed: 51,
      inputs: (g) => ({
        grads: {
          dWx: g.randn([3, 4], { scale: 2 }),
          dWh: g.randn([4, 4], { scale: 2 }),
          db: g.randn([4], { scale: 2 }),
        },
        maxNorm: 5,
        limit: 1,
      }),
    },
    {
      name: 'norm below maxNorm: nothing to scale',
      visibility: 'public',
      points: 2,
      seed: 52,
      inputs: (g) => ({
        grads: {
          dWx: g.randn([2, 3], { scale: 0.1 }),
          dWh: g.randn([3, 3], { scale: 0.1 }),
          db: g.randn([3], { scale: 0.1 }),
        },
        maxNorm: 5,
        limit: 0.1,
      }),
    },
    {
      name: 'one large array among small ones',
      visibility: 'hidden',
      points: 2,
      seed: 53,
      inputs: (g) => ({
        grads: {
          dW1: g.randn([2, 3], { scale: 10 }),
          dW2: g.randn([3, 2], { scale: 0.1 }),
          db: g.randn([2], { scale: 0.1 }),
        },
        maxNorm: 1,
        limit: 5,
      }),
    },
    {
      name: 'every array below maxNorm, together above it',
      visibility: 'hidden',
      points: 2,
      seed: 54,
      inputs: () => ({
        grads: {
          dWx: np.array([
            [1, -1],
            [0.5, 0],
          ]),
          dWh: np.array([
            [0, 1.2],
            [-1, 0.3],
          ]),
          db: np.array([1.5, -0.5]),
          dWy: np.array([
            [-0.8, 1],
            [1, 0.2],
          ]),
          dby: np.array([1.4, 0.6]),
        },
        maxNorm: 2,
        limit: 0.9,
      }),
    },
    {
      name: 'a single array, norm below maxNorm',
      visibility: 'hidden',
      points: 2,
      seed: 55,
      inputs: () => ({
        grads: { dW: np.array([3, -4, 12, 0, -0.5]) },
        maxNorm: 20,
        limit: 3.5,
      }),
    },
  ],
};

export default spec;
