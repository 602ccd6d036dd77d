import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// twoLayerNetLoss(x, y, params, reg) -> { loss: number, grads: { w1, b1, w2, b2 } }, with
// params = { w1 (D, H), b1 (H,), w2 (H, C), b2 (C,) } and y an int32 array of labels.
// Every case has C != H != D, so a transposed product fails on shape.
type Fns = 'twoLayerNetLoss';
type Grads = { w1: NDArray; b1: NDArray; w2: NDArray; b2: NDArray };

export const run: ExerciseSpec<Fns>['run'] = ({ twoLayerNetLoss }, { x, y, params, reg }) => {
  const { loss, grads } = twoLayerNetLoss(x, y, params, reg);
  const g = (grads ?? {}) as Partial<Grads>;
  return { loss, w1: g.w1, b1: g.b1, w2: g.w2, b2: g.b2 };
};

// The self-check sees the loss as a one-element array and each parameter as a separate input,
// so that the learner's own grads can be checked against their own loss.
export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your grads agree with your loss',
  seed: 131,
  inputs: (g) => ({
    x: g.randn([3, 4]),
    y: g.randint([3], 0, 3),
    w1: g.randn([4, 5]),
    b1: g.randn([5]),
    w2: g.randn([5, 3]),
    b2: g.randn([3]),
    reg: 0.1,
  }),
  wrt: { w1: 'w1', b1: 'b1', w2: 'w2', b2: 'b2' },
  // Centred differences (h = 1e-5) of a loss of size ~3 carry an absolute error of ~1e-10
  // (truncation and rounding); some bias gradients here are ~5e-5, so 1e-6 relative is too
  // tight even for the reference (1.9e-6). Any real backward mistake is off by far more.
  rtol: 1e-5,
  forward: ({ twoLayerNetLoss }, { x, y, w1, b1, w2, b2, reg }) => ({
    out: np.array([twoLayerNetLoss(x, y, { w1, b1, w2, b2 }, reg).loss as number]),
    state: { x, y, params: { w1, b1, w2, b2 }, reg },
  }),
  backward: ({ twoLayerNetLoss }, dout, state) => {
    const { x, y, params, reg } = state as { x: NDArray; y: NDArray; params: Grads; reg: number };
    const { grads } = twoLayerNetLoss(x, y, params, reg) as { grads: Grads };
    const scale = dout.item();
    return {
      w1: grads.w1.multiply(scale),
      b1: grads.b1.multiply(scale),
      w2: grads.w2.multiply(scale),
      b2: grads.b2.multiply(scale),
    };
  },
};

const spec: ExerciseSpec<Fns> = {
  functions: ['twoLayerNetLoss'],
  run,
  outputs: {
    loss: { label: 'twoLayerNetLoss: loss' },
    w1: { label: 'twoLayerNetLoss: grads.w1' },
    b1: { label: 'twoLayerNetLoss: grads.b1' },
    w2: { label: 'twoLayerNetLoss: grads.w2' },
    b2: { label: 'twoLayerNetLoss: grads.b2' },
  },
  cases: [
    {
      name: 'four examples, no regularisation',
      visibility: 'public',
      points: 2,
      seed: 132,
      inputs: (g) => ({
        x: g.randn([4, 3]),
        y: g.randint([4], 0, 4),
        params: { w1: g.randn([3, 5]), b1: g.randn([5]), w2: g.randn([5, 4]), b2: g.randn([4]) },
        reg: 0,
      }),
    },
    {
      name: 'five examples, regularised',
      visibility: 'public',
      points: 2,
      seed: 133,
      inputs: (g) => ({
        x: g.randn([5, 4]),
        y: g.randint([5], 0, 3),
        params: { w1: g.randn([4, 6]), b1: g.randn([6]), w2: g.randn([6, 3]), b2: g.randn([3]) },
        reg: 0.05,
      }),
    },
    {
      name: 'a single example, strong regularisation',
      visibility: 'hidden',
      points: 2,
      seed: 134,
      inputs: (g) => ({
        x: g.randn([1, 6]),
        y: g.randint([1], 0, 5),
        params: {
          w1: g.randn([6, 3]),
          b1: g.randn([3], { scale: 0.5 }),
          w2: g.randn([3, 5]),
          b2: g.randn([5], { scale: 0.5 }),
        },
        reg: 0.7,
      }),
    },
    {
      name: 'scores in the thousands',
      visibility: 'hidden',
      points: 2,
      seed: 135,
      inputs: (g) => ({
        x: g.randn([6, 3], { scale: 10 }),
        y: g.randint([6], 0, 4),
        params: {
          w1: g.randn([3, 7]),
          b1: g.randn([7]),
          w2: g.randn([7, 4], { scale: 40 }),
          b2: g.randn([4]),
        },
        reg: 1e-3,
      }),
    },
    {
      // Chosen so that three hidden pre-activations of the first example are exactly 0 (ReLU'(0) = 0 blocks them).
      name: 'hidden units exactly at the kink',
      visibility: 'hidden',
      points: 2,
      seed: 136,
      inputs: (g) => ({
        x: np.array([
          [1, 2],
          [0, -1],
          [2, 1],
        ]),
        y: np.array([2, 0, 1], { dtype: 'int32' }),
        params: {
          w1: np.array([
            [1, -1, 0.5, 2],
            [-0.5, 1, 1, -1],
          ]),
          b1: np.array([0, -1, 0.5, 0]),
          w2: g.randn([4, 3]),
          b2: g.randn([3]),
        },
        reg: 0.02,
      }),
    },
  ],
  gradcheck,
};

export default spec;
