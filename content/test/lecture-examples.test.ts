/**
 * Every worked example of the lectures, recomputed and checked against an independent
 * calculation or a property it must have (a numeric derivative, a sum that must be one, a
 * brute-force count).
 */
import { numericGradient } from '@gradlab/kernels';
import { describe, expect, it } from 'vitest';
import * as ai from '../lectures/activations-initialization.examples.ts';
import * as at from '../lectures/attention-transformers.examples.ts';
import * as ae from '../lectures/autoencoders-generative.examples.ts';
import * as bp from '../lectures/backpropagation.examples.ts';
import * as cnn from '../lectures/convolutional-networks.examples.ts';
import * as dp from '../lectures/dense-prediction-transfer.examples.ts';
import * as mm from '../lectures/examples/_math.ts';
import { add, get, get2, type Mat, map, randn, sumAll, zip } from '../lectures/examples/_math.ts';
import * as lc from '../lectures/linear-classifiers.examples.ts';
import * as opt from '../lectures/optimization.examples.ts';
import * as rnn from '../lectures/recurrent-networks.examples.ts';
import * as reg from '../lectures/regularization.examples.ts';
import * as tr from '../lectures/training.examples.ts';
import { listExercises, listLectures, readExerciseMeta } from '../src/index.ts';

/** Centred-difference gradient of a scalar function of a matrix: the engine's own numericGradient. */
function numericGrad(f: (m: Mat) => number, m: Mat, h = 1e-6): Mat {
  return numericGradient((x) => f(x.toArray() as Mat), m, { h }).toArray() as Mat;
}

function expectClose(actual: Mat | number[] | number, expected: Mat | number[] | number, tol = 1e-6) {
  const a = [actual].flat(2) as number[];
  const e = [expected].flat(2) as number[];
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    expect(Math.abs(v - get(e, i)), `entry ${i}: ${v} vs ${get(e, i)}`).toBeLessThan(
      tol * Math.max(1, Math.abs(v)),
    );
  });
}

describe('lecture 1: linear classifiers', () => {
  const ex = lc.ex;
  it('softmax rows sum to one and the gradient rows sum to zero', () => {
    for (const row of ex.P) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    for (const row of ex.dS) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
  });
  it('dW and db match numeric derivatives of the cross-entropy loss', () => {
    const loss = (W: Mat) => lc.compute({ ...lc.input, W }).loss;
    expectClose(ex.dW, numericGrad(loss, lc.input.W));
    const lossB = (B: Mat) => lc.compute({ ...lc.input, b: B[0] ?? [] }).loss;
    expectClose(ex.db, numericGrad(lossB, [lc.input.b]));
  });
  it('hinge terms agree with the "sum over all classes minus the margin" form', () => {
    ex.S.forEach((s, i) => {
      const y = get(lc.input.y, i);
      const all = s.reduce((acc, sj) => acc + Math.max(0, sj - get(s, y) + 1), 0) - 1;
      expect((ex.hinge[i] ?? []).reduce((a, v) => a + v, 0)).toBeCloseTo(all, 12);
    });
  });
  it('quiz numbers', () => {
    expect(lc.quiz.loss).toBe(5);
    expect(lc.quiz.uniformLoss10).toBeCloseTo(Math.log(10), 12);
    const loss1 = (s: number) => -Math.log(1 / (1 + Math.exp(-s)));
    const h = 1e-6;

    expect((loss1(lc.bce.s + h) - loss1(lc.bce.s - h)) / (2 * h)).toBeCloseTo(lc.bce.grad1, 8);
    const loss0 = (s: number) => -Math.log(1 - 1 / (1 + Math.exp(-s)));
    expect((loss0(lc.bce.s + h) - loss0(lc.bce.s - h)) / (2 * h)).toBeCloseTo(lc.bce.grad0, 8);
  });
});

describe('lecture 2: regularization', () => {
  it('penalty gradients match numeric derivatives (away from zero)', () => {
    const { w, lambda, dl2, dl1 } = reg.penalties;
    const l2 = (m: Mat) => lambda * sumAll(map(m, (v) => v * v));
    expectClose(dl2, numericGrad(l2, [w]));
    const l1 = (m: Mat) => lambda * sumAll(map(m, Math.abs));
    const numeric = numericGrad(l1, [w]);
    w.forEach((v, i) => {
      if (v !== 0) expect(get(dl1, i)).toBeCloseTo(get2(numeric, 0, i), 6);
    });
  });
  it('L2 and weight decay give the same SGD step', () => {
    expectClose(reg.sgdDecay.viaL2, reg.sgdDecay.viaDecay, 1e-14);
  });
  it('Adam with L2 decays weights with small gradients far more than AdamW', () => {
    expect(reg.adamDecay.ratio).toBeGreaterThan(100);
    expect(get(reg.adamDecay.adamL2, 1)).toBeLessThan(get(reg.adamDecay.adamW, 1));
  });
  it('early stopping picks the validation minimum and stops after the patience', () => {
    const { val, bestEpoch, stopEpoch, patience } = reg.earlyStopping;
    expect(Math.min(...val)).toBe(get(val, bestEpoch - 1));
    expect(stopEpoch).toBe(bestEpoch + patience);
  });
  it('inverted dropout preserves the expectation and the two-layer drop rule holds', () => {
    expect(reg.dropout.maxDeviation).toBeLessThan(0.05);
    const { p, q, either } = reg.dropTwice;
    // brute force over the four outcomes of two independent drops
    let dropped = 0;
    for (const a of [true, false])
      for (const b of [true, false]) if (a || b) dropped += (a ? p : 1 - p) * (b ? q : 1 - q);
    expect(either).toBeCloseTo(dropped, 14);
  });
  it('a flipped image keeps its pixels', () => {
    expect(reg.augmentation.flipped.flat().sort()).toEqual(reg.augmentation.image.flat().sort());
  });
});

describe('lecture 3: optimization', () => {
  const q = opt.quadratic;
  it('gradient descent on the quadratic multiplies each coordinate by 1 - lr * curvature', () => {
    q.gd.forEach((p, t) => {
      expectClose(p, [get(q.x0, 0) * get(q.factors, 0) ** t, get(q.x0, 1) * get(q.factors, 1) ** t], 1e-12);
    });
  });
  it('momentum, Adam and best-rate GD all decrease the loss over 50 steps', () => {
    expect(q.fifty.gd).toBeLessThan(q.f0 * 1e-3);
    expect(q.fifty.momentum).toBeLessThan(q.f0);
    expect(q.fifty.adam).toBeLessThan(q.f0);
  });
  it('the Nesterov step evaluates the gradient at the look-ahead point', () => {
    const grad = (p: number[]) => [2 * get(p, 0)];
    const c = { ...opt.defaults, lr: 0.1, rho: 0.9 };
    let s = opt.initState(1);
    let x = [1];
    ({ x, st: s } = opt.step('nesterov', x, grad, s, c));
    const v1 = get(s.v, 0);
    ({ x, st: s } = opt.step('nesterov', x, grad, s, c));
    const expectedV2 = 0.9 * v1 - 0.1 * 2 * (1 + v1 + 0.9 * v1);
    expect(get(s.v, 0)).toBeCloseTo(expectedV2, 14);
  });
  it("Adam's first corrected step has size lr, the uncorrected one about 3.16 lr", () => {
    expect(opt.adamFirstStep.corrected).toBeCloseTo(1, 6);
    expect(opt.adamFirstStep.uncorrected).toBeCloseTo(0.1 / Math.sqrt(0.001), 4);
  });
  it("Newton's gradient is still above rounding level after four steps and zero after five", () => {
    expect(Math.abs(opt.newton.grads[4] ?? 0)).toBeGreaterThan(1e-12);
    expect(Math.abs(opt.newton.grads[5] ?? 1)).toBeLessThan(1e-15);
  });
  it("Newton's method reaches f'(w) = 0 and a minimum", () => {
    const w = opt.newton.iterates.at(-1) ?? 0;
    expect(Math.abs(opt.newton.df(w))).toBeLessThan(1e-12);
    expect(opt.newton.d2f(w)).toBeGreaterThan(0);
  });
  it('schedules start at the base rate (warm-up excepted) and the cosine ends near zero', () => {
    const first = opt.schedules.rows[0] ?? [];
    expect(first.slice(1, 4)).toEqual([0.1, 0.1, 0.1]);
    const last = opt.schedules.rows.at(-1) ?? [];
    expect(get(last, 3)).toBeLessThan(1e-3);
  });
  it('minibatch bookkeeping covers the data set exactly', () => {
    const m = opt.minibatch;
    expect((m.perEpoch - 1) * m.batch + m.lastBatch).toBe(m.n);
    expect(m.lastBatch).toBeGreaterThan(0);
  });
});

describe('lecture 4: backpropagation', () => {
  it('the graph examples match numeric derivatives', () => {
    const h = 1e-6;
    const f = (x: number, y: number, z: number) => (x + y) * z;
    const { x, y, z } = bp.graph1;
    expect(bp.graph1.dx).toBeCloseTo((f(x + h, y, z) - f(x - h, y, z)) / (2 * h), 8);
    expect(bp.graph1.dz).toBeCloseTo((f(x, y, z + h) - f(x, y, z - h)) / (2 * h), 8);
    const n = (w: number[]) => bp.neuron(w, bp.graph2.x).f;
    const num = numericGrad((m) => n(m[0] ?? []), [bp.graph2.w]);
    expectClose(bp.graph2.dw, num);
  });
  it('the affine backward is the gradient of sum(Y * dY)', () => {
    const { X, W, b, dY } = bp.affine;
    const L = (x: Mat, w: Mat, c: number[]) => bp.weightedSum(bp.affineForward(x, w, c), dY);
    expectClose(
      bp.affine.dW,
      numericGrad((w) => L(X, w, b), W),
    );
    expectClose(
      bp.affine.dX,
      numericGrad((x) => L(x, W, b), X),
    );
    expectClose(
      bp.affine.db,
      numericGrad((c) => L(X, W, c[0] ?? []), [b]),
    );
  });
  it('the affine backward holds on random shapes too', () => {
    const X = randn(4, 3, 1);
    const W = randn(3, 5, 2);
    const b = randn(1, 5, 3)[0] ?? [];
    const G = randn(4, 5, 4);
    const g = bp.affineBackward(X, W, G);
    expectClose(
      g.dW,
      numericGrad((w) => bp.weightedSum(bp.affineForward(X, w, b), G), W),
      1e-5,
    );
    expectClose(
      g.dX,
      numericGrad((x) => bp.weightedSum(bp.affineForward(x, W, b), G), X),
      1e-5,
    );
  });
  it('the two-layer network gradient matches a numeric gradient, and the step lowers the loss', () => {
    expectClose(bp.mlp.dW1, numericGrad(bp.mlpLossOfW1, bp.mlp.W1));
    expect(bp.mlp.lossAfter).toBeLessThan(bp.mlp.loss);
    // no pre-activation sits on the ReLU kink, so the numeric check is meaningful
    for (const v of bp.mlp.Z.flat()) expect(Math.abs(v)).toBeGreaterThan(1e-3);
    expectClose(
      add(
        bp.mlp.W1new,
        map(bp.mlp.dW1, (v) => bp.mlp.lr * v),
      ),
      bp.mlp.W1,
      1e-14,
    );
  });
  it('centred differences beat one-sided ones at moderate h', () => {
    const row = bp.gradCheck.rows.find((r) => r.h === 1e-5);
    expect(row?.relCentred).toBeLessThan(1e-9);
    expect(row?.relForward).toBeGreaterThan(row?.relCentred ?? 0);
  });
  it('repeated squaring gives 32 w^31', () => {
    expect(bp.repeatedSquaring.derivative).toBeCloseTo(bp.repeatedSquaring.closedForm, 10);
  });
  it('zip is elementwise', () => {
    expect(zip([[1, 2]], [[3, 4]], (a, b) => a * b)).toEqual([[3, 8]]);
  });
});

describe('lecture 5: activations and initialization', () => {
  it('every derivative in the table matches a numeric derivative away from kinks', () => {
    const h = 1e-6;
    for (const a of Object.values(ai.activations)) {
      for (const x of [-3, -1, 0.5, 2]) {
        expect(a.df(x), `${a.name} at ${x}`).toBeCloseTo((a.f(x + h) - a.f(x - h)) / (2 * h), 6);
      }
    }
    expect(ai.activations.relu?.df(0)).toBe(0);
  });
  it('tanh is a rescaled sigmoid and the sigmoid slope is at most 1/4', () => {
    for (const x of [-2, 0.3, 1.7]) expect(Math.tanh(x)).toBeCloseTo(2 / (1 + Math.exp(-2 * x)) - 1, 12);
    expect(ai.vanishing.maxSlope).toBe(0.25);
    expect(ai.vanishing.product).toBeCloseTo(0.25 ** 10, 15);
  });
  it('maxout takes the larger piece', () => {
    ai.maxout.xs.forEach((x, i) => {
      expect(get(ai.maxout.out, i)).toBe(Math.max(x, -0.5 * x + 1));
    });
  });
  it('Kaiming keeps ReLU activations alive where small init lets tanh die', () => {
    const last = (xs: number[]) => xs.at(-1) ?? 0;
    expect(last(ai.deepStats.tanhSmall)).toBeLessThan(1e-6);
    expect(last(ai.deepStats.reluKaiming)).toBeGreaterThan(0.3);
    expect(last(ai.deepStats.reluXavier)).toBeLessThan(last(ai.deepStats.reluKaiming) / 10);
    expect(ai.scales.kaimingStd).toBeCloseTo(Math.sqrt(2) * ai.scales.lecunStd, 14);
  });
});

describe('lecture 6: training', () => {
  const bn = tr.batchnorm;
  it('batchnorm output columns have mean 0 and variance 1 before gamma and beta', () => {
    for (const j of [0, 1, 2]) {
      const col = bn.xhat.map((r) => get(r, j));
      const mu = col.reduce((s, v) => s + v, 0) / col.length;
      const v = col.reduce((s, x) => s + (x - mu) ** 2, 0) / col.length;
      expect(mu).toBeCloseTo(0, 12);
      expect(v).toBeCloseTo(1, 4);
    }
  });
  it('the staged batchnorm backward (dxhat, dvar, dmean, dX) equals the compact formula', () => {
    expectClose(bn.staged.dX, bn.dX, 1e-10);
    // dmean has no variance term: deviations from the mean sum to zero
    bn.staged.dmean.forEach((v, j) => {
      const direct = -bn.staged.dxhat.reduce((s, r) => s + get(r, j), 0) / get(bn.sd, j);
      expect(v).toBeCloseTo(direct, 10);
    });
  });
  it('the compact batchnorm backward matches numeric gradients', () => {
    const L = (X: Mat) =>
      tr
        .batchnormForward(X, bn.gamma, bn.beta)
        .Y.reduce((s, row, i) => s + row.reduce((a, y, j) => a + y * get2(bn.dY, i, j), 0), 0);
    expectClose(bn.dX, numericGrad(L, bn.X), 1e-5);
    const Lg = (g: Mat) =>
      tr
        .batchnormForward(bn.X, g[0] ?? [], bn.beta)
        .Y.reduce((s, row, i) => s + row.reduce((a, y, j) => a + y * get2(bn.dY, i, j), 0), 0);
    expectClose(bn.dgamma, numericGrad(Lg, [bn.gamma]), 1e-5);
    for (const j of [0, 1, 2]) expect(bn.dX.reduce((s, r) => s + get(r, j), 0)).toBeCloseTo(0, 10);
  });
  it('layer norm normalises rows', () => {
    for (const row of tr.layernorm.out) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
  });
  it('the initial loss is log C and the tiny batch is memorised', () => {
    expect(tr.initialLoss.measured).toBeCloseTo(tr.initialLoss.expected, 2);
    expect(tr.overfit.finalLoss).toBeLessThan(0.05);
    expect(get(tr.overfit.rows.at(-1) ?? [], 2)).toBe(1);
  });
  it('random search tries more distinct learning rates than the grid', () => {
    expect(tr.search.distinctGrid).toBe(3);
    expect(tr.search.distinctRandom).toBe(9);
    for (const r of tr.search.random) {
      expect(get(r, 0)).toBeGreaterThanOrEqual(1e-5);
      expect(get(r, 0)).toBeLessThanOrEqual(1e-1);
    }
  });
});

describe('lecture 7: convolutional networks', () => {
  /** Brute force: count window positions that fit in the padded input. */
  function countPositions(input: number, k: number, s: number, p: number): number {
    let n = 0;
    for (let start = 0; start + k <= input + 2 * p; start += s) n++;
    return n;
  }
  it('the output-size formula agrees with sliding the window', () => {
    for (let input = 1; input <= 12; input++)
      for (let k = 1; k <= 5; k++)
        for (let s = 1; s <= 3; s++)
          for (let p = 0; p <= 2; p++) {
            if (k > input + 2 * p) continue;
            expect(cnn.outputSize(input, k, s, p), `I=${input} k=${k} S=${s} P=${p}`).toBe(
              countPositions(input, k, s, p),
            );
          }
    for (const c of cnn.sizes) expect(c.output).toBe(countPositions(c.input, c.kernel, c.stride, c.pad));
  });
  it('the convolution example matches an independent dot product per window', () => {
    const { x, k, valid, same } = cnn.convExample;
    valid.forEach((row, i) => {
      row.forEach((v, j) => {
        let s = 0;
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) s += get2(x, i + a, j + b) * get2(k, a, b);
        expect(v).toBe(s);
      });
    });
    expect(same.length).toBe(5);
    expect(get2(same, 1, 1)).toBe(get2(valid, 0, 0));
  });
  it('parameter counts and receptive fields', () => {
    expect(cnn.params.count).toBe(760);
    expect(cnn.receptive.three3x3).toBe(7);
    expect(cnn.quiz.size.out).toBe(15);
    expect(cnn.quiz.weights.count).toBe(168);
    expect(cnn.quiz.rf).toBe(9);
  });
  it('max-pool backward routes each gradient to its maximum', () => {
    const { x, out, dOut, dX } = cnn.pooling;
    expect(sumAll(dX)).toBeCloseTo(sumAll(dOut), 14);
    out.forEach((row, i) => {
      row.forEach((v, j) => {
        const g = get2(dOut, i, j);
        const hits = [0, 1]
          .flatMap((a) => [0, 1].map((b) => [2 * i + a, 2 * j + b] as const))
          .filter(([a, b]) => get2(x, a, b) === v);
        expect(hits.some(([a, b]) => get2(dX, a, b) === g)).toBe(true);
      });
    });
  });
});

describe('lecture 8: recurrent networks', () => {
  const { params, xs, targets, h0 } = rnn.rnnInput;
  const lossWith = (p: rnn.RnnParams) => rnn.rnnForward(p, xs, h0, targets).loss;
  it('BPTT gradients match numeric derivatives', () => {
    expectClose(
      rnn.rnn.dWhh,
      numericGrad((W) => lossWith({ ...params, Whh: W }), params.Whh),
    );
    expectClose(
      rnn.rnn.dWxh,
      numericGrad((W) => lossWith({ ...params, Wxh: W }), params.Wxh),
    );
    expectClose(
      rnn.rnn.dWhy,
      numericGrad((W) => lossWith({ ...params, Why: W }), params.Why),
    );
    expectClose(
      rnn.rnn.db,
      numericGrad((B) => lossWith({ ...params, b: B[0] ?? [] }), [params.b]),
    );
  });
  it('clipping keeps the direction and bounds the norm', () => {
    const c = rnn.clipping;
    expect(c.clippedNorm).toBeCloseTo(c.threshold, 12);
    c.g.forEach((v, i) => {
      expect(get(c.clipped, i) / v).toBeCloseTo(c.threshold / c.norm, 12);
    });
  });
  it('the LSTM cell gradient along c is the forget gate', () => {
    const h = 1e-6;
    const l = rnn.lstm;
    const up = rnn.lstmStep(l.x, l.hPrev, l.cPrev + h, l.w).c;
    const down = rnn.lstmStep(l.x, l.hPrev, l.cPrev - h, l.w).c;
    expect((up - down) / (2 * h)).toBeCloseTo(l.f, 8);
    expect(rnn.counts.lstm).toBe(4 * (20 * 30 + 20));
  });
});

describe('lecture 9: attention', () => {
  it('attention weights are distributions and the causal mask zeroes the future', () => {
    for (const row of at.small.weights) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    at.small.causalWeights.forEach((row, i) => {
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      row.forEach((w, j) => {
        if (j > i) expect(w).toBe(0);
      });
    });
    expectClose(at.small.out, at.small.weights, 1e-14); // V is the identity
  });
  it('the softmax Jacobian matches a numeric derivative and its VJP matches dp J', () => {
    const J = at.jacobian.J;
    const s = at.jacobian.s;
    const h = 1e-6;
    s.forEach((_v, j) => {
      const up = mm.softmax(s.map((v, k) => (k === j ? v + h : v)));
      const down = mm.softmax(s.map((v, k) => (k === j ? v - h : v)));
      up.forEach((u, i) => {
        expect(get2(J, i, j)).toBeCloseTo((u - get(down, i)) / (2 * h), 8);
      });
    });
    for (const row of J) expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(0, 14);
    expectClose(at.jacobian.ds, mm.matmul([at.jacobian.dp], J)[0] ?? [], 1e-12);
    expect(at.jacobian.largestSaturated).toBeLessThan(1e-3);
    expect(at.jacobian.largestScaled).toBeGreaterThan(0.1);
  });
  it('attention is permutation-equivariant without positions', () => {
    const perm = [2, 0, 1];
    const P = (m: Mat) => perm.map((i) => m[i] ?? []);
    const a = at.attention(P(at.small.Q), P(at.small.K), P(at.small.V));
    expectClose(a.out, P(at.small.out), 1e-12);
  });
  it('unscaled dot products have variance about d_k', () => {
    for (const r of at.scaling.rows) {
      expect(r.scaledVariance).toBeGreaterThan(0.7);
      expect(r.scaledVariance).toBeLessThan(1.3);
    }
    expect(at.scaling.maxUnscaled).toBeGreaterThan(at.scaling.maxScaled);
  });
  it('positional encoding starts with sin 0 = 0, cos 0 = 1 and parameter counts add up', () => {
    expect(at.pe[0]).toEqual([0, 1, 0, 1]);
    expect(at.counts.attn).toBe(4 * (512 * 512 + 512));
    expect(at.counts.block).toBe(at.counts.attn + at.counts.ffn + at.counts.norms);
  });
});

describe('lecture 10: transfer learning and dense prediction', () => {
  it('the transposed-convolution size formula matches the scattered output, and undoes the conv formula', () => {
    for (let input = 1; input <= 6; input++)
      for (let k = 1; k <= 4; k++)
        for (let s = 1; s <= 3; s++)
          for (let p = 0; p <= 1; p++) {
            const size = dp.transposedOutputSize(input, k, s, p);
            if (size <= 0) continue;
            const x = randn(input, input, input * 100 + k * 10 + s);
            const y = dp.transposedConv2d(x, randn(k, k, 5), s, p);
            expect(y.length, `I=${input} k=${k} s=${s} p=${p}`).toBe(size);
            if (size >= k) expect(cnn.outputSize(size, k, s, p)).toBe(input);
          }
    for (const c of dp.transposedSizes)
      expect(c.output).toBe(dp.transposedOutputSize(c.input, c.kernel, c.stride, c.pad));
    expect(dp.quiz.output).toBe(16);
  });
  it('the transposed convolution is the adjoint of the convolution: <conv(x), y> = <x, convT(y)>', () => {
    for (const [n, k, s, p] of [
      [5, 3, 2, 0],
      [6, 4, 2, 1],
      [7, 3, 1, 1],
      [8, 2, 2, 0],
    ] as const) {
      const x = randn(n, n, n + k);
      const w = randn(k, k, 2 * n + s);
      const cx = cnn.conv2d(x, w, s, p);
      const y = randn(cx.length, cx.length, 3 * n + p);
      const lhs = sumAll(zip(cx, y, (a, b) => a * b));
      const ty = dp.transposedConv2d(y, w, s, p);
      const rhs = sumAll(zip(x, ty, (a, b) => a * b));
      expect(lhs).toBeCloseTo(rhs, 10);
    }
  });
  it('the bilinear kernel interpolates: the cropped result is the bilinear upsampling of x', () => {
    expect(dp.transposed.cropped).toEqual([
      [1, 1.5, 2],
      [2, 2.5, 3],
      [3, 3.5, 4],
    ]);
    expect(dp.transposed.out.length).toBe(dp.transposed.size);
  });
  it('unpooling puts each value where the maximum was', () => {
    const { x, pooled, decoder, unpooled } = dp.unpooling;
    expect(sumAll(unpooled)).toBeCloseTo(sumAll(decoder), 14);
    unpooled.forEach((row, a) => {
      row.forEach((v, b) => {
        if (v !== 0) expect(get2(x, a, b)).toBe(get2(pooled, Math.floor(a / 2), Math.floor(b / 2)));
      });
    });
  });
  it('segmentation: per-pixel distributions, the loss and the IoU recounted', () => {
    const sg = dp.segmentation;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const col = sg.probs.map((p) => get2(p, i, j));
        expect(col.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
        expect(get2(sg.pred, i, j)).toBe(col.indexOf(Math.max(...col)));
      }
    const losses = sg.labels.flatMap((row, i) => row.map((y, j) => -Math.log(get2(sg.probs[y] ?? [], i, j))));
    expect(sg.loss).toBeCloseTo(losses.reduce((a, v) => a + v, 0) / 9, 12);
    expect(sg.pixelAccuracy).toBeCloseTo(8 / 9, 12);
    expect(sg.iou).toEqual([1, 3 / 4, 2 / 3]);
  });
  it('FC as convolution, U-Net shapes and transfer counts', () => {
    expect(dp.fcAsConv.fcWeights).toBe(dp.fcAsConv.convWeights);
    expect(dp.fcAsConv.outMap).toBe(6);
    expect(dp.unet.rows.at(-1)?.[1]).toBe('5 × 64 × 64');
    expect(dp.unet.rows.find((r) => r[0].startsWith('concatenate enc2'))?.[1]).toBe('256 × 32 × 32');
    const t = dp.transfer;
    expect(t.backbone).toBe(3 * 3 * (3 * 32 + 32 * 64 + 64 * 128) + 32 + 64 + 128);
    expect(t.fullTrainable).toBe(t.backbone + t.newHead);
    expect(t.newHead).toBe(1290);
    expect(dp.quiz.oneByOneParams).toBe(5 * 30 + 30);
  });
});

describe('lecture 11: autoencoders and generative models', () => {
  it('the linear autoencoder gradient matches a numeric gradient', () => {
    const { X, We, Wd } = ae.linearAe;
    const W1 = randn(2, 1, 8);
    const W2 = randn(1, 2, 9);
    const g = ae.linearAeGrad(X, X, W1, W2);
    expectClose(
      g.dWe,
      numericGrad((w) => ae.linearAeLoss(X, X, w, W2).loss, W1),
    );
    expectClose(
      g.dWd,
      numericGrad((w) => ae.linearAeLoss(X, X, W1, w).loss, W2),
    );
    expect(We.length).toBe(2);
    expect(Wd[0]?.length).toBe(2);
  });
  it('the trained linear autoencoder reaches the PCA optimum along the principal direction', () => {
    const a = ae.linearAe;
    expect(Math.abs(a.finalLoss - a.pcaLoss)).toBeLessThan(1e-9);
    expect(Math.abs(get(a.direction, 0) - 0.8)).toBeLessThan(0.05);
    expect(Math.abs(get(a.direction, 1) - 0.6)).toBeLessThan(0.05);
    expect(a.rows.map((r) => get(r, 1))).toEqual([...a.rows.map((r) => get(r, 1))].sort((x, y) => y - x));
  });
  it('the denoising autoencoder beats the plain one, which beats doing nothing', () => {
    const d = ae.denoising;
    expect(d.daeError).toBeLessThan(d.plainError);
    expect(d.plainError).toBeLessThan(d.noisyError);
  });
  it('the KL term matches a numeric integral, and its gradients numeric derivatives', () => {
    const v = ae.vae;
    v.mu.forEach((mu, k) => {
      const sigma = get(v.sigma, k);
      // KL(q || p) = integral of q log(q / p), by the midpoint rule
      const q = (x: number) =>
        Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
      const p = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
      let integral = 0;
      const h = 1e-3;
      for (let x = mu - 12 * sigma; x < mu + 12 * sigma; x += h) {
        const m = x + h / 2;
        integral += q(m) * Math.log(q(m) / p(m)) * h;
      }
      expect(get(v.klPerDim, k)).toBeCloseTo(integral, 6);
      const e = 1e-6;
      const kl = (m: number, s: number) => ae.klTerm(m, s).kl;
      expect(get(v.dKlDmu, k)).toBeCloseTo((kl(mu + e, sigma) - kl(mu - e, sigma)) / (2 * e), 7);
      expect(get(v.dKlDsigma, k)).toBeCloseTo((kl(mu, sigma + e) - kl(mu, sigma - e)) / (2 * e), 7);
      expect(get(v.z, k)).toBeCloseTo(mu + sigma * get(v.eps, k), 14);
    });
    expect(v.kl).toBeCloseTo(
      v.klPerDim.reduce((a, b) => a + b, 0),
      14,
    );
    expect(ae.quiz.kl).toBeCloseTo(0.5 * (1 + 0.5 - Math.log(0.5) - 1), 14);
  });
  it('GAN: the generator gradients match numeric derivatives and the equilibrium value is -log 4', () => {
    const sig = (a: number) => 1 / (1 + Math.exp(-a));
    const h = 1e-6;
    for (const [d, sat, nonSat] of ae.gan.rows as [number, number, number][]) {
      const a = Math.log(d / (1 - d));
      expect(sat).toBeCloseTo((Math.log(1 - sig(a + h)) - Math.log(1 - sig(a - h))) / (2 * h), 6);
      expect(nonSat).toBeCloseTo((-Math.log(sig(a + h)) + Math.log(sig(a - h))) / (2 * h), 6);
    }
    expect(ae.gan.equilibrium).toBeCloseTo(-Math.log(4), 14);
    expect(ae.gan.lossD).toBeGreaterThan(0);
  });
});

describe('ML practice: losses, splits and metrics', () => {
  it('the mean minimises the L2 loss and the median the L1 loss', () => {
    const r = lc.robust;
    for (const d of [-0.5, -0.01, 0.01, 0.5]) {
      expect(r.l2(r.mean + d)).toBeGreaterThan(r.l2(r.mean));
      expect(r.l1(r.median + d)).toBeGreaterThan(r.l1(r.median));
    }
    expect(r.dl1AtMedian).toBe(0);
    expect(r.dl2AtMedian).toBeCloseTo(r.median - r.mean, 12);
  });
  it('confusion-matrix metrics and class weights', () => {
    const m = tr.imbalance.model;
    expect(m.tp + m.fp + m.fn + m.tn).toBe(tr.imbalance.n);
    expect([m.tp, m.fp, m.fn, m.tn]).toEqual([40, 40, 10, 910]);
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.8);
    expect(m.f1).toBeCloseTo(2 / (1 / 0.5 + 1 / 0.8), 14);
    expect(tr.imbalance.allNegative.accuracy).toBe(m.accuracy);
    // weighted, both classes carry the same total weight
    const [w0, w1] = tr.imbalance.weights as [number, number];
    expect(w0 * (tr.imbalance.n - tr.imbalance.positives)).toBeCloseTo(w1 * tr.imbalance.positives, 10);
    const recalls = tr.imbalance.sweep.map((r) => get(r, 2));
    expect(recalls).toEqual([...recalls].sort((a, b) => b - a));
    const q = tr.quizConfusion;
    expect([q.precision, q.recall, q.accuracy, q.baseline]).toEqual([0.6, 0.75, 0.97, 0.96]);
    expect(tr.splits.train + tr.splits.val + tr.splits.test).toBe(tr.splits.n);
  });
});

describe('the examples toolkit (engine-backed array operations)', () => {
  it('matmul, transpose and axis sums agree with plain loops', () => {
    const A = randn(3, 4, 21);
    const B = randn(4, 2, 22);
    const C = mm.matmul(A, B);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 2; j++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += get2(A, i, k) * get2(B, k, j);
        expect(get2(C, i, j)).toBeCloseTo(s, 13);
      }
    expect(mm.transpose(A).map((row) => row.length)).toEqual([3, 3, 3, 3]);
    expect(get2(mm.transpose(A), 2, 1)).toBe(get2(A, 1, 2));
    expect(mm.sumRows(A)[1]).toBeCloseTo(
      A.reduce((s, r) => s + get(r, 1), 0),
      13,
    );
    expect(mm.sumCols(A)[2]).toBeCloseTo(
      (A[2] ?? []).reduce((s, v) => s + v, 0),
      13,
    );
  });
});

describe('lecture frontmatter links', () => {
  it('relatedExercises name existing exercises, and prerequisites name earlier lectures', () => {
    const lectures = listLectures();
    const known = listExercises().map((e) => e.id);
    const seen = new Set<string>();
    for (const lecture of lectures) {
      for (const id of lecture.relatedExercises) expect(known, `${lecture.slug}: ${id}`).toContain(id);
      for (const slug of lecture.prerequisites) expect(seen, `${lecture.slug} needs ${slug}`).toContain(slug);
      seen.add(lecture.slug);
    }
    expect(lectures.map((l) => l.order)).toEqual(lectures.map((_, i) => i + 1));
  });
  it('every exercise names an existing lecture, and that lecture lists it among its exercises', () => {
    const lectures = new Map(listLectures().map((l) => [l.slug, l]));
    for (const { id } of listExercises()) {
      const { lecture } = readExerciseMeta(id).meta;
      expect(lectures.has(lecture), `${id}: no lecture "${lecture}"`).toBe(true);
      expect(lectures.get(lecture)?.relatedExercises, `${lecture} should list ${id}`).toContain(id);
    }
  });
  it('quiz answers computed in the example files', () => {
    expect(opt.quiz.maxLr).toBe(0.02);
    expect(ai.quiz.kaimingStd).toBeCloseTo(0.0442, 4);
    expect(rnn.quiz.total).toBe(24832);
    expect(at.quiz.params).toBe(263168);
  });
});

describe('lecture 1: the hinge gradient', () => {
  it('matches a numeric derivative of the averaged hinge loss', () => {
    const hingeLoss = (S: Mat) =>
      S.reduce(
        (acc, s, i) => acc + lc.hingePerClass(s, get(lc.input.y, i), 1).reduce((a, v) => a + v, 0),
        0,
      ) / S.length;
    // no score sits exactly on a margin kink
    lc.ex.S.forEach((s, i) => {
      for (const sj of s) expect(Math.abs(sj - get(s, get(lc.input.y, i)) + 1)).toBeGreaterThan(1e-3);
    });
    expectClose(lc.ex.dSHinge, numericGrad(hingeLoss, lc.ex.S));
  });
});
