/**
 * Gradient checking in float64: analytic gradients from `backward()` against centred differences
 * (f(x + h) - f(x - h)) / 2h, compared by the relative error |a - b| / max(1e-8, |a| + |b|).
 */
import { asarray } from '../ndarray/creation.ts';
import { ArgumentError } from '../ndarray/errors.ts';
import type { ArrayInput, NDArray } from '../ndarray/ndarray.ts';
import { createRandom, type Random } from '../ndarray/random.ts';
import { centredDifference } from '../numeric/differences.ts';
import { relativeError } from '../numeric/relative-error.ts';
import { noGrad, type Tensor, tensor, topologicalOrder } from './tensor.ts';

export { relativeError } from '../numeric/relative-error.ts';

/**
 * df/dx by centred differences, one element at a time, in float64. `f` receives a float64 copy
 * of x (with one element moved by +-h) and returns a number. Only the elements at `indices`
 * (flat, row-major) are computed when given; the others stay 0.
 */
export function numericGradient(
  f: (x: NDArray) => number,
  x: ArrayInput,
  options: { h?: number; indices?: readonly number[] } = {},
): NDArray {
  const h = options.h ?? 1e-6;
  const point = asarray(x, { dtype: 'float64' }, 'numericGradient').copy();
  const data = point.data as Float64Array;
  const grad = new Float64Array(point.size);
  const indices = options.indices ?? Array.from({ length: point.size }, (_, i) => i);
  for (const i of indices) {
    const old = data[i] as number;
    data[i] = old + h;
    const plus = f(point);
    data[i] = old - h;
    const minus = f(point);
    data[i] = old;
    grad[i] = centredDifference(plus, minus, h);
  }
  return asarray(grad).reshape(point.shape);
}

export interface GradcheckOptions {
  /** Seeds the upstream gradient, the sampled elements and the moves off kinks (default 0). */
  seed?: number;
  /** Check this many random elements of each input instead of all of them. */
  samples?: number;
  /** Step of the centred differences (default 1e-6). */
  h?: number;
  /** Largest relative error that passes (default 1e-7). */
  rtol?: number;
  /**
   * Tiny gradients (|analytic| + |numeric| <= atol / rtol) cannot reach a small relative error
   * through the rounding noise of the centred difference; they pass when |analytic - numeric| <= atol.
   * Default: that noise floor, eps * sum|out * u| / h (eps = 2^-52).
   */
  atol?: number;
  /**
   * How close (in the kink op's own input) a non-differentiable point may come before the inputs
   * are moved (default 1e-3). Ops such as relu, abs and max report their distance to the kink;
   * `kinks` adds your own.
   */
  kinkMargin?: number;
  /** Your own distance to the nearest kink, for functions whose kinks the ops cannot see. */
  kinks?: (...inputs: NDArray[]) => number;
  /** Which inputs to check (default all), by position. */
  wrt?: readonly number[];
}

export interface GradcheckResult {
  /** Every element passed: relative error <= rtol (tiny gradients: absolute error <= atol). */
  ok: boolean;
  /**
   * The largest relative error |a - b| / max(1e-8, |a| + |b|) over the checked elements, leaving
   * out the tiny ones (|a| + |b| <= atol / rtol), which are judged by |a - b| <= atol instead.
   */
  maxRelativeError: number;
  /** The same without the noise floor (large for near-zero gradients: rounding noise / tiny value). */
  rawMaxRelativeError: number;
  /** The element with the largest relative error among the failing ones (else among all). */
  worst: { input: number; index: number[]; analytic: number; numeric: number } | null;
  /** The absolute tolerance used (see GradcheckOptions.atol). */
  atol: number;
  /** Number of elements compared. */
  checked: number;
  /** How many times the inputs were moved off a kink. */
  moves: number;
  /** The inputs the check ran at (after moves off kinks). */
  inputs: NDArray[];
  /** A sentence naming the input, the index, the analytic and the numeric value. */
  message: string;
}

/**
 * Checks the gradients of `fn(...tensors) -> Tensor` w.r.t. each input. With a random upstream
 * gradient u (seeded), the analytic VJP is the gradient that backward(u) leaves on each input;
 * the numeric one is the centred difference of sum(fn(...) * u).
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly ArrayInput[],
  options: GradcheckOptions = {},
): GradcheckResult {
  const { seed = 0, h = 1e-6, rtol = 1e-7, kinkMargin = 1e-3 } = options;
  const rng = createRandom(seed);
  const xs = inputs.map((x) => asarray(x, { dtype: 'float64' }, 'gradcheck').copy());
  const wrt = options.wrt ?? xs.map((_, i) => i);

  // 1. forward with the graph; move the inputs off kinks when an op is too close to one
  let moves = 0;
  let leaves = xs.map((x) => tensor(x));
  let out = fn(...leaves);
  for (; moves < 8 && kinkDistance(out, xs, options.kinks) < kinkMargin; moves++) {
    const scale = kinkMargin * 10 * 2 ** moves;
    xs.forEach((x, i) => {
      if (wrt.includes(i)) jitter(x, rng, scale);
    });
    leaves = xs.map((x) => tensor(x));
    out = fn(...leaves);
  }

  // 2. analytic VJP with a random upstream gradient
  const upstream = rng.randn([...out.shape]);
  if (!out.requiresGrad) throw new ArgumentError('gradcheck: the output does not depend on the inputs');
  out.backward(upstream);
  const u = upstream.toTypedArray();
  const y0 = out.value.toTypedArray();
  let magnitude = 0;
  for (let i = 0; i < y0.length; i++) magnitude += Math.abs((y0[i] as number) * (u[i] as number));
  const atol = options.atol ?? (Number.EPSILON * magnitude) / h;
  const objective = (args: NDArray[]): number =>
    noGrad(() => {
      const y = fn(...args.map((a) => tensor(a, { requiresGrad: false }))).value.toTypedArray();
      let s = 0;
      for (let i = 0; i < y.length; i++) s += (y[i] as number) * (u[i] as number);
      return s;
    });

  // 3. numeric gradients, element by element
  let worst: GradcheckResult['worst'] = null;
  let worstError = -1;
  let worstFails = false;
  let maxRelativeError = 0;
  let rawMaxRelativeError = 0;
  let checked = 0;
  for (const i of wrt) {
    const x = xs[i];
    if (x === undefined)
      throw new ArgumentError(`gradcheck: wrt names input ${i} but there are ${xs.length}`);
    const indices =
      options.samples !== undefined && options.samples < x.size
        ? sampleIndices(rng, x.size, options.samples)
        : Array.from({ length: x.size }, (_, k) => k);
    const numeric = numericGradient((xi) => objective(xs.map((other, j) => (j === i ? xi : other))), x, {
      h,
      indices,
    }).toTypedArray();
    const analytic = leaves[i]?.grad?.toTypedArray() ?? new Float64Array(x.size);
    for (const k of indices) {
      const a = analytic[k] as number;
      const b = numeric[k] as number;
      const err = Number.isNaN(a - b) ? Number.POSITIVE_INFINITY : relativeError(a, b);
      // a gradient this small cannot reach rtol through the rounding noise: judge it by atol
      const tiny = Math.abs(a) + Math.abs(b) <= atol / rtol;
      const fails = tiny ? !(Math.abs(a - b) <= atol) : !(err <= rtol);
      checked++;
      rawMaxRelativeError = Math.max(rawMaxRelativeError, err);
      if (!tiny) maxRelativeError = Math.max(maxRelativeError, err);
      // the worst element: a failing one first, then the largest error
      if ((fails && !worstFails) || (fails === worstFails && err > worstError)) {
        worst = { input: i, index: unravel(k, x.shape), analytic: a, numeric: b };
        worstError = err;
        worstFails = fails;
      }
    }
  }
  const ok = !worstFails;
  const message =
    worst === null
      ? 'gradcheck: nothing to check'
      : `gradcheck ${ok ? 'passed' : 'failed'}: ${ok ? 'largest' : 'failing'} relative error ${worstError.toExponential(2)} ` +
        `(rtol ${rtol}, atol ${atol.toExponential(1)}) at input ${worst.input}, index [${worst.index.join(', ')}]: ` +
        `analytic ${worst.analytic}, numeric ${worst.numeric}`;
  return { ok, maxRelativeError, rawMaxRelativeError, worst, atol, checked, moves, inputs: xs, message };
}

/** The smallest kink distance reported by the ops of the graph and by the user's callback. */
function kinkDistance(out: Tensor, xs: NDArray[], kinks: GradcheckOptions['kinks']): number {
  let d = kinks ? kinks(...xs) : Number.POSITIVE_INFINITY;
  for (const node of topologicalOrder(out)) if (node.kinkDistance) d = Math.min(d, node.kinkDistance());
  return d;
}

/** In place: x += scale * N(0, 1) noise. */
function jitter(x: NDArray, rng: Random, scale: number): void {
  const data = x.data as Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) + scale * rng.nextGaussian();
}

/** `count` distinct flat indices in [0, n), sorted. */
function sampleIndices(rng: Random, n: number, count: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + rng.nextInt(n - i);
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    index[d] = rest % n;
    rest = Math.floor(rest / n);
  }
  return index;
}
