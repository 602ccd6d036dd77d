/**
 * `np`: the learner's NumPy-like API. Names are NumPy's in camelCase; optional arguments go in a
 * final options object (`np.sum(x, { axis: 1, keepdims: true })`). Scalars are accepted wherever
 * an array is. Every function is also exported on its own from `./ndarray/*`.
 */
import {
  arange,
  array,
  asarray,
  copy,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  zeros,
  zerosLike,
} from './ndarray/creation.ts';
import { einsum } from './ndarray/einsum.ts';
import {
  abs,
  add,
  allclose,
  clip,
  divide,
  equal,
  exp,
  greater,
  greaterEqual,
  isclose,
  less,
  lessEqual,
  log,
  log1p,
  maximum,
  minimum,
  multiply,
  negative,
  notEqual,
  power,
  resultType,
  sign,
  sqrt,
  square,
  subtract,
  tanh,
  where,
} from './ndarray/elementwise.ts';
import { addAt, mask, newaxis, putAlongAxis, take, takeAlongAxis } from './ndarray/indexing.ts';
import { dot, matmul, outer } from './ndarray/linalg.ts';
import {
  broadcastTo,
  concatenate,
  expandDims,
  flatten,
  moveaxis,
  pad,
  ravel,
  repeat,
  reshape,
  split,
  squeeze,
  stack,
  swapaxes,
  tile,
  transpose,
} from './ndarray/manipulation.ts';
import type { ArrayInput, NDArray } from './ndarray/ndarray.ts';
import { Random } from './ndarray/random.ts';
import { argmax, argmin, cumsum, max, mean, min, std, sum, variance } from './ndarray/reductions.ts';
import { broadcastShapes } from './ndarray/shape.ts';

/** The generator behind `np.random` (seed 0 until `np.random.seed(n)` is called). */
const random = new Random(0);

/** a + b, broadcast; `np.add.at(x, indices, values)` is the unbuffered scatter-add (see addAt). */
const addWithAt = Object.assign((a: ArrayInput, b: ArrayInput): NDArray => add(a, b), { at: addAt });

export const np = {
  // creation
  array,
  asarray,
  zeros,
  ones,
  full,
  zerosLike,
  onesLike,
  fullLike,
  arange,
  linspace,
  eye,
  copy,
  // elementwise
  add: addWithAt,
  subtract,
  multiply,
  divide,
  power,
  maximum,
  minimum,
  negative,
  exp,
  log,
  log1p,
  sqrt,
  square,
  tanh,
  abs,
  sign,
  clip,
  where,
  equal,
  notEqual,
  less,
  lessEqual,
  greater,
  greaterEqual,
  isclose,
  allclose,
  // reductions
  sum,
  mean,
  max,
  min,
  argmax,
  argmin,
  var: variance,
  std,
  cumsum,
  // linear algebra
  matmul,
  dot,
  outer,
  einsum,
  // shape
  reshape,
  ravel,
  flatten,
  transpose,
  swapaxes,
  moveaxis,
  squeeze,
  expandDims,
  broadcastTo,
  broadcastShapes: (...shapes: (readonly number[])[]): number[] =>
    broadcastShapes('broadcastShapes', ...shapes),
  concatenate,
  stack,
  split,
  pad,
  tile,
  repeat,
  // indexing
  take,
  mask,
  takeAlongAxis,
  putAlongAxis,
  addAt,
  newaxis,
  // randomness
  random,
  // dtypes and constants
  resultType,
  float64: 'float64',
  float32: 'float32',
  int32: 'int32',
  bool: 'bool',
  pi: Math.PI,
  e: Math.E,
  inf: Number.POSITIVE_INFINITY,
  nan: Number.NaN,
} as const;

/** The type of the `np` namespace (for typings of learner code). */
export type Np = typeof np;
