import { describe, expect, it } from 'vitest';
import { np } from '../../src/index.ts';
import {
  abs,
  add,
  concatenate,
  div,
  exp,
  leakyRelu,
  log,
  matmul,
  max,
  mean,
  mul,
  neg,
  pad,
  pow,
  relu,
  reshape,
  sigmoid,
  slice,
  softplus,
  sqrt,
  sub,
  sum,
  take,
  tanh,
  tensor,
  transpose,
  where,
} from '../../src/reference.ts';
import { expectGradcheck, randn, uniform } from './helpers.ts';

describe('gradcheck of every op (float64, relative error < 1e-7)', () => {
  it('add, sub, mul, div with broadcasting', () => {
    expectGradcheck('add (3,4)+(4,)', (a, b) => add(a, b), [randn(3, 4), randn(4)]);
    expectGradcheck('add (2,1,3)+(4,1)', (a, b) => add(a, b), [randn(2, 1, 3), randn(4, 1)]);
    expectGradcheck('sub (1,5)-(3,1)', (a, b) => sub(a, b), [randn(1, 5), randn(3, 1)]);
    expectGradcheck('mul (3,5)*(3,5)', (a, b) => mul(a, b), [randn(3, 5), randn(3, 5)]);
    expectGradcheck('mul (2,3)*()', (a, b) => mul(a, b), [randn(2, 3), randn()]);
    expectGradcheck('div (3,4)/(4,)', (a, b) => div(a, b), [randn(3, 4), uniform(0.5, 2, 4)]);
  });

  it('neg, pow, exp, log, sqrt', () => {
    expectGradcheck('neg', (a) => neg(a), [randn(2, 3)]);
    expectGradcheck('pow 2', (a) => pow(a, 2), [randn(3, 3)]);
    expectGradcheck('pow 3', (a) => pow(a, 3), [np.multiply(uniform(0.5, 2, 5), [1, -1, 1, -1, 1])]);
    expectGradcheck('pow -1.5', (a) => pow(a, -1.5), [uniform(0.5, 2, 2, 3)]);
    expectGradcheck('exp', (a) => exp(a), [randn(3, 2)]);
    expectGradcheck('log', (a) => log(a), [uniform(0.2, 3, 7)]);
    expectGradcheck('sqrt', (a) => sqrt(a), [uniform(0.2, 3, 2, 5)]);
  });

  it('activations: tanh, sigmoid, relu, leakyRelu, softplus, abs', () => {
    expectGradcheck('tanh', (a) => tanh(a), [randn(3, 5)]);
    expectGradcheck('sigmoid', (a) => sigmoid(a), [np.multiply(randn(3, 5), 3)]);
    expectGradcheck('relu', (a) => relu(a), [randn(4, 5)]);
    expectGradcheck('leakyRelu', (a) => leakyRelu(a, 0.1), [randn(4, 5)]);
    expectGradcheck('softplus', (a) => softplus(a), [np.multiply(randn(3, 5), 4)]);
    expectGradcheck('abs', (a) => abs(a), [randn(1, 7)]);
  });

  it('matmul: 2-D, batched, batch broadcast, batch 1', () => {
    expectGradcheck('matmul (3,4)@(4,5)', (a, b) => matmul(a, b), [randn(3, 4), randn(4, 5)]);
    expectGradcheck('matmul (1,3)@(3,1)', (a, b) => matmul(a, b), [randn(1, 3), randn(3, 1)]);
    expectGradcheck('matmul (2,3,4)@(2,4,5)', (a, b) => matmul(a, b), [randn(2, 3, 4), randn(2, 4, 5)]);
    expectGradcheck('matmul (2,3,4)@(4,2)', (a, b) => matmul(a, b), [randn(2, 3, 4), randn(4, 2)]);
    expectGradcheck('matmul (3,1,2,3)@(2,3,2)', (a, b) => matmul(a, b), [randn(3, 1, 2, 3), randn(2, 3, 2)]);
  });

  it('sum, mean (axis, keepdims), max (axis, ties to the first)', () => {
    expectGradcheck('sum all', (a) => sum(a), [randn(3, 4)]);
    expectGradcheck('sum axis 0', (a) => sum(a, { axis: 0 }), [randn(3, 4)]);
    expectGradcheck('sum axis [0,2] keepdims', (a) => sum(a, { axis: [0, 2], keepdims: true }), [
      randn(2, 3, 5),
    ]);
    expectGradcheck('mean all', (a) => mean(a), [randn(3, 5)]);
    expectGradcheck('mean axis -1', (a) => mean(a, { axis: -1 }), [randn(2, 3, 5)]);
    expectGradcheck('mean axis 1 keepdims', (a) => mean(a, { axis: 1, keepdims: true }), [randn(3, 4)]);
    expectGradcheck('max all', (a) => max(a), [randn(3, 5)]);
    expectGradcheck('max axis 1', (a) => max(a, { axis: 1 }), [randn(4, 5)]);
    expectGradcheck('max axis 0 keepdims', (a) => max(a, { axis: 0, keepdims: true }), [randn(3, 2, 3)]);
  });

  it('reshape, transpose, slice, take, concatenate, pad, where', () => {
    const weights = randn(6, 2);
    expectGradcheck('reshape', (a) => mul(reshape(a, [6, 2]), weights), [randn(3, 4)]);
    expectGradcheck('transpose', (a) => transpose(a), [randn(3, 4)]);
    expectGradcheck('transpose axes', (a) => transpose(a, [1, 2, 0]), [randn(2, 3, 4)]);
    expectGradcheck('slice', (a) => slice(a, '1:3', '::2'), [randn(4, 5)]);
    expectGradcheck('slice int', (a) => slice(a, ':', -1), [randn(3, 4)]);
    expectGradcheck('take repeated', (a) => take(a, [2, 0, 2], { axis: 1 }), [randn(2, 3, 2)]);
    expectGradcheck('take flat', (a) => take(a, [5, 1, 1]), [randn(2, 3)]);
    expectGradcheck('concatenate axis 1', (a, b, c) => concatenate([a, b, c], { axis: 1 }), [
      randn(2, 1),
      randn(2, 3),
      randn(2, 2),
    ]);
    expectGradcheck(
      'pad',
      (a) =>
        pad(a, [
          [1, 0],
          [2, 1],
        ]),
      [randn(3, 2)],
    );
    expectGradcheck('pad scalar width', (a) => pad(a, 1, { constantValues: 3 }), [randn(2, 2)]);
    const cond = np.greater(randn(3, 4), 0);
    expectGradcheck('where broadcast', (a, b) => where(cond, a, b), [randn(3, 4), randn(4)]);
  });

  it('a composite graph with a reused node', () => {
    expectGradcheck(
      'composite x*x + exp(x) / sum(x^2)',
      (x, w) => {
        const h = tanh(matmul(x, w));
        return div(add(mul(h, h), exp(h)), sum(pow(h, 2)));
      },
      [randn(3, 4), randn(4, 2)],
    );
  });
});

describe('forward values', () => {
  it('elementwise ops match hand-computed numbers', () => {
    expect(sigmoid(np.array([0, 800, -800])).value.toArray()).toEqual([0.5, 1, 0]);
    expect(softplus(np.array([0, 800, -800])).value.toArray()).toEqual([Math.LN2, 800, 0]);
    expect(relu(np.array([-1, 0, 2])).value.toArray()).toEqual([0, 0, 2]);
    expect(leakyRelu(np.array([-2, 3]), 0.1).value.toArray()).toEqual([-0.2, 3]);
    expect(pow(np.array([2, 3]), 3).value.toArray()).toEqual([8, 27]);
  });

  it('max sends the gradient to the first maximum on ties', () => {
    const x = np.array([
      [1, 3, 3],
      [2, 2, 0],
    ]);
    const leaf = tensor(x);
    max(leaf, { axis: 1 }).backward(np.array([1, 10]));
    expect(leaf.grad?.toArray()).toEqual([
      [0, 1, 0],
      [10, 0, 0],
    ]);
  });

  it('slice and concatenate forward', () => {
    const x = np.arange(6).reshape(2, 3);
    expect(slice(x, ':', '1:').value.toArray()).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(concatenate([x, x], { axis: 0 }).shape).toEqual([4, 3]);
  });
});
