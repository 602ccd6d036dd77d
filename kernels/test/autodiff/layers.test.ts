import { describe, expect, it } from 'vitest';
import { conv2dJs, createRandom, type NDArray, np } from '../../src/index.ts';
import {
  affine,
  attentionWeights,
  avgPool2d,
  batchnorm,
  bce,
  conv2d,
  dropout,
  hinge,
  layernorm,
  leakyRelu,
  logSoftmax,
  lstmCell,
  maxPool2d,
  mse,
  multiHeadAttention,
  relu,
  rnnCell,
  scaledDotProductAttention,
  sigmoid,
  softmax,
  softmaxCrossEntropy,
  softplus,
  sum,
  tanh,
  tensor,
} from '../../src/reference.ts';
import { expectGradcheck, randn, uniform } from './helpers.ts';

const close = (actual: number, expected: number, digits = 12) => expect(actual).toBeCloseTo(expected, digits);
const values = (a: NDArray) => Array.from(a.toTypedArray());

describe('gradcheck of every layer (float64, relative error < 1e-7)', () => {
  it('affine with (N, d1, d2) inputs and batch 1', () => {
    expectGradcheck('affine (3,2,2)->(3,5)', (x, w, b) => affine(x, w, b), [
      randn(3, 2, 2),
      randn(4, 5),
      randn(5),
    ]);
    expectGradcheck('affine batch 1', (x, w, b) => affine(x, w, b), [randn(1, 3), randn(3, 2), randn(2)]);
  });

  it('activations as layers', () => {
    const x = randn(3, 7);
    expectGradcheck('layer relu', (a) => relu(a), [x]);
    expectGradcheck('layer leakyRelu', (a) => leakyRelu(a, 0.2), [x]);
    expectGradcheck('layer sigmoid', (a) => sigmoid(a), [x]);
    expectGradcheck('layer tanh', (a) => tanh(a), [x]);
    expectGradcheck('layer softplus', (a) => softplus(a), [x]);
    expectGradcheck('softmax', (a) => softmax(a), [randn(3, 4)]);
    expectGradcheck('logSoftmax axis 0', (a) => logSoftmax(a, 0), [randn(3, 4)]);
  });

  it('losses', () => {
    expectGradcheck('softmaxCrossEntropy', (s) => softmaxCrossEntropy(s, [0, 2, 1, 2, 4]), [randn(5, 5)]);
    expectGradcheck('softmaxCrossEntropy batch 1', (s) => softmaxCrossEntropy(s, [2]), [randn(1, 3)]);
    expectGradcheck('hinge', (s) => hinge(s, [1, 0, 3]), [randn(3, 4)]);
    expectGradcheck('mse', (p, t) => mse(p, t), [randn(4, 3), randn(4, 3)]);
    expectGradcheck(
      'bce',
      (z) =>
        bce(
          z,
          np.array([
            [1, 0, 1],
            [0, 0.3, 1],
          ]),
        ),
      [np.multiply(randn(2, 3), 3)],
    );
  });

  it('dropout (fixed seed: a fixed mask)', () => {
    expectGradcheck('dropout p=0.3', (x) => dropout(x, 0.3, { seed: 4 }), [randn(4, 5)]);
  });

  it('batchnorm (train, (N,D) and spatial) and layernorm', () => {
    expectGradcheck('batchnorm (5,3) train', (x, g, b) => batchnorm(x, g, b).out, [
      randn(5, 3),
      randn(3),
      randn(3),
    ]);
    expectGradcheck('batchnorm (2,3,2,2) spatial', (x, g, b) => batchnorm(x, g, b).out, [
      randn(2, 3, 2, 2),
      randn(3),
      randn(3),
    ]);
    const stats = { runningMean: randn(3), runningVar: uniform(0.5, 2, 3) };
    expectGradcheck('batchnorm eval', (x, g, b) => batchnorm(x, g, b, { train: false, ...stats }).out, [
      randn(4, 3),
      randn(3),
      randn(3),
    ]);
    expectGradcheck('layernorm (2,3,5)', (x, g, b) => layernorm(x, g, b), [
      randn(2, 3, 5),
      randn(5),
      randn(5),
    ]);
  });

  it('conv2d: stride, padding, odd sizes, batch 1, with and without bias', () => {
    expectGradcheck('conv2d (2,2,5,4) k3 s1 p1', (x, w, b) => conv2d(x, w, b, { pad: 1 }), [
      randn(2, 2, 5, 4),
      randn(3, 2, 3, 3),
      randn(3),
    ]);
    expectGradcheck('conv2d (1,3,5,5) k2x3 s2 p1', (x, w, b) => conv2d(x, w, b, { stride: 2, pad: 1 }), [
      randn(1, 3, 5, 5),
      randn(2, 3, 2, 3),
      randn(2),
    ]);
    expectGradcheck('conv2d no bias', (x, w) => conv2d(x, w), [randn(1, 1, 4, 3), randn(2, 1, 2, 2)]);
  });

  it('maxPool2d and avgPool2d (overlapping and not)', () => {
    expectGradcheck('maxPool2d k2 s2', (x) => maxPool2d(x, { kernel: 2 }), [randn(2, 2, 4, 5)]);
    expectGradcheck('maxPool2d k3 s1', (x) => maxPool2d(x, { kernel: 3, stride: 1 }), [randn(1, 2, 5, 4)]);
    expectGradcheck('avgPool2d k2 s2', (x) => avgPool2d(x, { kernel: 2 }), [randn(2, 1, 4, 4)]);
    expectGradcheck('avgPool2d 2x3 s1', (x) => avgPool2d(x, { kernel: [2, 3], stride: 1 }), [
      randn(1, 2, 3, 5),
    ]);
  });

  it('rnnCell and lstmCell (and two unrolled steps)', () => {
    expectGradcheck('rnnCell', (x, h, wx, wh, b) => rnnCell(x, h, wx, wh, b), [
      randn(3, 4),
      randn(3, 5),
      randn(4, 5),
      randn(5, 5),
      randn(5),
    ]);
    expectGradcheck(
      'lstmCell h and c',
      (x, h, c, wx, wh, b) => {
        const next = lstmCell(x, h, c, wx, wh, b);
        return sum(next.h).add(sum(next.c.mul(next.c)));
      },
      [randn(2, 3), randn(2, 4), randn(2, 4), randn(3, 16), randn(4, 16), randn(16)],
    );
    expectGradcheck(
      'rnn two steps (BPTT)',
      (x1, x2, wx, wh, b) => {
        const h0 = np.zeros([1, 3]);
        return rnnCell(x2, rnnCell(x1, h0, wx, wh, b), wx, wh, b);
      },
      [randn(1, 2), randn(1, 2), randn(2, 3), randn(3, 3), randn(3)],
    );
  });

  it('attention: scaled dot-product (masked) and multi-head', () => {
    expectGradcheck('scaledDotProductAttention (2,3,4)', (q, k, v) => scaledDotProductAttention(q, k, v), [
      randn(2, 3, 4),
      randn(2, 5, 4),
      randn(2, 5, 2),
    ]);
    const causal = np.lessEqual(np.arange(3).reshape(1, 3), np.arange(3).reshape(3, 1)).T;
    expectGradcheck(
      'scaledDotProductAttention causal',
      (q, k, v) => scaledDotProductAttention(q, k, v, causal),
      [randn(1, 3, 2), randn(1, 3, 2), randn(1, 3, 2)],
    );
    expectGradcheck(
      'multiHeadAttention 2 heads',
      (x, wq, wk, wv, wo, bo) => multiHeadAttention(x, { wq, wk, wv, wo, bo }, 2),
      [randn(2, 3, 4), randn(4, 4), randn(4, 4), randn(4, 4), randn(4, 4), randn(4)],
    );
  });
});

describe('forward values', () => {
  it('softmax cross-entropy of equal scores is log C; matches a hand computation', () => {
    close(softmaxCrossEntropy(tensor(np.zeros([4, 7])), [0, 1, 2, 6]).item(), Math.log(7));
    // scores [1, 2, 3], label 2: -log(e^3 / (e + e^2 + e^3))
    const expected = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
    close(softmaxCrossEntropy(tensor([[1, 2, 3]]), [2]).item(), expected);
    // stable for huge scores
    close(softmaxCrossEntropy(tensor([[1000, 0]]), [1]).item(), 1000);
    expect(() => softmaxCrossEntropy(tensor([[1, 2]]), [2])).toThrow(/labels\[0\] = 2/);
  });

  it('hinge, mse and bce match hand computations', () => {
    // scores [3.2, 5.1, -1.7], label 0: max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9
    close(hinge(tensor([[3.2, 5.1, -1.7]]), [0]).item(), 2.9);
    close(mse(tensor([[1], [3]]), np.array([[0], [1]])).item(), (0.5 * (1 + 4)) / 2);
    close(bce(tensor([0, 0]), np.array([1, 0])).item(), Math.LN2);
    close(bce(tensor([-800]), np.array([1])).item(), 800);
  });

  it('affine flattens (N, d1, ..., dk) to (N, D)', () => {
    const x = np.arange(8).reshape(2, 2, 2);
    const w = np.ones([4, 1]);
    expect(affine(tensor(x), w, np.array([0.5])).value.toArray()).toEqual([[6.5], [22.5]]);
  });

  it('conv2d forward equals the js reference kernel', () => {
    const rng = createRandom(3);
    const x = rng.randn(2, 3, 6, 5);
    const w = rng.randn(4, 3, 3, 2);
    const b = rng.randn(4);
    const out = conv2d(x, w, b, { stride: 2, pad: 1 }).value;
    expect(out.shape).toEqual([2, 4, 3, 3]);
    const expected = new Float64Array(out.size);
    conv2dJs({
      x: x.data as Float64Array,
      w: w.data as Float64Array,
      bias: b.data as Float64Array,
      out: expected,
      n: 2,
      c: 3,
      h: 6,
      wIn: 5,
      f: 4,
      kh: 3,
      kw: 2,
      stride: 2,
      pad: 1,
      outH: 3,
      outW: 3,
    });
    values(out).forEach((v, i) => {
      close(v, expected[i] as number, 12);
    });
  });

  it('pooling forward', () => {
    const x = np.arange(16).reshape(1, 1, 4, 4);
    expect(maxPool2d(x, { kernel: 2 }).value.toArray()).toEqual([
      [
        [
          [5, 7],
          [13, 15],
        ],
      ],
    ]);
    expect(avgPool2d(x, { kernel: 2 }).value.toArray()).toEqual([
      [
        [
          [2.5, 4.5],
          [10.5, 12.5],
        ],
      ],
    ]);
  });

  it('attention weights: rows sum to 1, masked entries are 0, uniform for equal keys', () => {
    const rng = createRandom(9);
    const weights = attentionWeights(rng.randn(2, 4, 3), rng.randn(2, 5, 3)).value;
    for (const s of values(np.sum(weights, { axis: -1 }))) close(s, 1);
    const causal = np.greaterEqual(np.arange(4).reshape(4, 1), np.arange(4).reshape(1, 4));
    const masked = attentionWeights(rng.randn(1, 4, 3), rng.randn(1, 4, 3), causal).value;
    expect(masked.at(0, 0, 0)).toBe(1);
    expect(masked.at(0, 1, 2)).toBe(0);
    const same = attentionWeights(rng.randn(1, 2, 3), np.ones([1, 3, 3])).value;
    for (const v of values(same)) close(v, 1 / 3);
    // the output is the weighted mean of the values
    const v = rng.randn(1, 3, 2);
    const out = scaledDotProductAttention(rng.randn(1, 2, 3), np.ones([1, 3, 3]), v).value;
    values(out).forEach((o, i) => {
      close(o, values(np.mean(v, { axis: 1 }))[i % 2] as number);
    });
  });

  it('multi-head attention with identity projections and one head is plain attention', () => {
    const rng = createRandom(2);
    const x = rng.randn(1, 3, 4);
    const eye = np.eye(4);
    const mha = multiHeadAttention(tensor(x), { wq: eye, wk: eye, wv: eye, wo: eye }, 1).value;
    const plain = scaledDotProductAttention(x, x, x).value;
    values(mha).forEach((m, i) => {
      close(m, values(plain)[i] as number);
    });
  });

  it('batchnorm: per-feature mean 0 and variance 1 in training; running statistics', () => {
    const rng = createRandom(4);
    const x = np.add(np.multiply(rng.randn(64, 3), [1, 5, 0.1]), [2, -3, 7]);
    const { out, runningMean, runningVar } = batchnorm(tensor(x), np.ones([3]), np.zeros([3]), { eps: 0 });
    for (const m of values(np.mean(out.value, { axis: 0 }))) close(m, 0, 12);
    for (const v of values(np.var(out.value, { axis: 0 }))) close(v, 1, 10);
    values(runningMean).forEach((m, i) => {
      close(m, 0.1 * (values(np.mean(x, { axis: 0 }))[i] as number));
    });
    values(runningVar).forEach((v, i) => {
      close(v, 0.9 + 0.1 * (values(np.var(x, { axis: 0 }))[i] as number));
    });
    // gamma and beta scale and shift; evaluation uses the running statistics
    const shifted = batchnorm(tensor(x), [2, 2, 2], [1, 1, 1]).out.value;
    for (const m of values(np.mean(shifted, { axis: 0 }))) close(m, 1, 12);
    const evalOut = batchnorm(tensor([[1, 2, 3]]), [1, 1, 1], [0, 0, 0], {
      train: false,
      eps: 0,
      runningMean: np.array([1, 1, 1]),
      runningVar: np.array([1, 4, 16]),
    }).out;
    expect(values(evalOut.value)).toEqual([0, 0.5, 0.5]);
    expect(() => batchnorm(tensor(x), [1, 1, 1], [0, 0, 0], { train: false })).toThrow(/runningMean/);
  });

  it('layernorm: per-sample mean 0 and variance 1', () => {
    const x = np.add(np.multiply(createRandom(5).randn(4, 6), 3), 10);
    const out = layernorm(tensor(x), np.ones([6]), np.zeros([6]), { eps: 0 }).value;
    for (const m of values(np.mean(out, { axis: 1 }))) close(m, 0, 12);
    for (const v of values(np.var(out, { axis: 1 }))) close(v, 1, 10);
  });

  it('LSTM with zero weights: gates 1/2, candidate 0', () => {
    const z = (r: number, c: number) => np.zeros([r, c]);
    const c0 = np.array([[1, -2]]);
    const { h, c } = lstmCell(
      createRandom(1).randn(1, 3),
      tensor(z(1, 2)),
      c0,
      z(3, 8),
      z(2, 8),
      np.zeros([8]),
    );
    // c' = f c + i g = 0.5 c;  h' = o tanh(c') = 0.5 tanh(0.5 c)
    expect(values(c.value)).toEqual([0.5, -1]);
    values(h.value).forEach((v, i) => {
      close(v, 0.5 * Math.tanh(0.5 * (values(c0)[i] as number)));
    });
    // gate order [i, f, o, g]: a bias of +inf on f alone keeps c; on g alone gives i * 1
    const bias = np.zeros([8]);
    bias.set(['2:4'], 100); // f saturates to 1
    const kept = lstmCell(z(1, 3), tensor(z(1, 2)), c0, z(3, 8), z(2, 8), bias).c;
    values(kept.value).forEach((v, i) => {
      close(v, values(c0)[i] as number);
    });
  });

  it('rnnCell: tanh(x Wx + h Wh + b)', () => {
    const out = rnnCell(
      np.array([[1, 2]]),
      tensor([[0.5]]),
      np.array([[1], [1]]),
      np.array([[2]]),
      np.array([-3]),
    );
    close(out.item(), Math.tanh(1 + 2 + 1 - 3));
  });

  it('dropout: inverted scaling keeps the expectation, a seed reproduces the mask, eval is identity', () => {
    const x = tensor(np.ones([200, 100]));
    const out = dropout(x, 0.4, { seed: 11 }).value;
    const kept = values(out).filter((v) => v !== 0);
    for (const v of kept) close(v, 1 / 0.6);
    expect(Math.abs(kept.length / out.size - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(np.mean(out).item() - 1)).toBeLessThan(0.03);
    expect(values(dropout(x, 0.4, { seed: 11 }).value)).toEqual(values(out));
    expect(values(dropout(x, 0.4, { seed: 12 }).value)).not.toEqual(values(out));
    expect(dropout(x, 0.4, { train: false })).toBe(x);
    expect(() => dropout(x, 1)).toThrow(/\[0, 1\)/);
  });

  it('uniform scores give uniform softmax; softmax rows sum to 1', () => {
    const s = softmax(tensor(uniform(-50, 50, 3, 6))).value;
    for (const r of values(np.sum(s, { axis: 1 }))) close(r, 1);
  });
});
