/**
 * Seeded randomness, identical in every JS engine: xoshiro128** (32-bit integer arithmetic with
 * Math.imul), seeded through splitmix32; uniform floats take 53 random bits; normals use
 * Marsaglia's polar method with Math.sqrt (correctly rounded by the standard) and a logarithm of
 * its own (`portableLog`): Math.log is not, and Chromium's differs from Node's in the last bit,
 * which changed seeded normals between the browser's Run and the server. `np.random` is one
 * shared generator; `createRandom(seed)` makes independent streams for host code.
 */
import { arange, asarray } from './creation.ts';
import { ArgumentError, ShapeError } from './errors.ts';
import { take } from './indexing.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { checkShape, type Shape } from './shape.ts';
import { readContiguous } from './strided.ts';

const bits = new DataView(new ArrayBuffer(8));
/** fdlibm's constants (the same doubles, written shortest) */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const LG = [
  0.6666666666666735, 0.3999999999940942, 0.2857142874366239, 0.22222198432149784, 0.1818357216161805,
  0.15313837699209373, 0.14798198605116586,
] as const;

/**
 * The natural logarithm with the same bits in every JS engine: fdlibm's `__ieee754_log` (error
 * below 1 ulp) in IEEE double arithmetic only, which JavaScript evaluates exactly as written.
 */
export function portableLog(value: number): number {
  let x = value;
  bits.setFloat64(0, x);
  let hx = bits.getInt32(0);
  const lx = bits.getUint32(4);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54; // subnormal: scale up by 2^54
    x *= 18014398509481984;
    bits.setFloat64(0, x);
    hx = bits.getInt32(0);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  bits.setInt32(0, hx | (i ^ 0x3ff00000)); // x normalized into [sqrt(2)/2, sqrt(2))
  x = bits.getFloat64(0);
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG[1] + w * (LG[3] + w * LG[5]));
  const t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/** A shape given as varargs (`rand(2, 3)`) or as one array (`rand([2, 3])`). */
type ShapeArgs = number[] | [Shape];

function shapeOf(args: ShapeArgs, op: string): number[] {
  const first = args[0];
  return checkShape(first !== undefined && typeof first !== 'number' ? first : (args as number[]), op);
}

/** Options of choice. */
export interface ChoiceOptions {
  /** Output shape (omitted: one sample as a 0-d array). */
  size?: number | Shape;
  /** Draw with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each element (must sum to 1). */
  p?: ArrayInput;
}

/** Options of randint. */
export interface RandintOptions {
  size?: number | Shape;
}

export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | undefined;

  /** A generator seeded with `seed` (a non-negative integer up to 2**53). */
  constructor(seed = 0) {
    this.seed(seed);
    // Bind the methods so that `const { randn } = np.random` works too.
    for (const name of Object.getOwnPropertyNames(Random.prototype)) {
      const method = (this as unknown as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof method === 'function')
        Object.defineProperty(this, name, { value: method.bind(this), writable: true, configurable: true });
    }
  }

  /** Restarts the stream: the same seed always gives the same numbers. */
  seed(seed: number): void {
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new ArgumentError(`random.seed: the seed must be a non-negative integer, got ${seed}`);
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) >>> 0, 0x9e3779b1);
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.spare = undefined;
  }

  /** The next 32 random bits as an unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n), unbiased (rejection sampling); n <= 2**32. */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32)
      throw new ArgumentError(`random: the range must be an integer in [1, 2**32], got ${n}`);
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const u = this.nextUint32();
      if (u < limit) return u % n;
    }
  }

  /** A standard normal sample (polar method; samples come in pairs, the second is kept for the next call). */
  nextGaussian(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * portableLog(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Uniform floats in [0, 1) of the given shape: `rand(2, 3)` or `rand([2, 3])`; `rand()` is 0-d. */
  rand(...shape: ShapeArgs): NDArray {
    const dims = shapeOf(shape, 'random.rand');
    const out = new Float64Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = this.nextFloat();
    return new NDArray(out, dims);
  }

  /** Standard normal floats of the given shape: `randn(2, 3)` or `randn([2, 3])`. */
  randn(...shape: ShapeArgs): NDArray {
    const dims = shapeOf(shape, 'random.randn');
    const out = new Float64Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = this.nextGaussian();
    return new NDArray(out, dims);
  }

  /** Uniform floats in [low, high) of shape size (0-d when omitted). */
  uniform(low = 0, high = 1, size: number | Shape = []): NDArray {
    const dims = checkShape(size, 'random.uniform');
    const out = new Float64Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * this.nextFloat();
    return new NDArray(out, dims);
  }

  /** Normal floats with mean loc and standard deviation scale, of shape size (0-d when omitted). */
  normal(loc = 0, scale = 1, size: number | Shape = []): NDArray {
    const dims = checkShape(size, 'random.normal');
    const out = new Float64Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * this.nextGaussian();
    return new NDArray(out, dims);
  }

  /** Uniform int32 values in [low, high), or [0, low) when high is omitted; 0-d without size. */
  randint(low: number, high?: number, options: RandintOptions = {}): NDArray {
    const [lo, hi] = high === undefined ? [0, low] : [low, high];
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi <= lo)
      throw new ArgumentError(`random.randint: need integers low < high, got low=${lo}, high=${hi}`);
    const dims = checkShape(options.size ?? [], 'random.randint');
    const out = new Int32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = lo + this.nextInt(hi - lo);
    return new NDArray(out, dims);
  }

  /** A random permutation: of 0..n-1 (int32) for a number, else of x's rows (a copy), by Fisher-Yates. */
  permutation(x: number | ArrayInput): NDArray {
    if (typeof x === 'number') {
      if (!Number.isInteger(x) || x < 0)
        throw new ArgumentError(`random.permutation: n must be a non-negative integer, got ${x}`);
      const out = readContiguous(arange(0, x, 1, { dtype: 'int32' })) as Int32Array;
      this.shuffleInPlace(out);
      return new NDArray(out, [x]);
    }
    const arr = asarray(x, {}, 'random.permutation');
    if (arr.ndim === 0)
      throw new ShapeError('random.permutation: x must be a number or an array of at least 1 dimension');
    return take(arr, this.permutation(arr.shape[0] as number), { axis: 0 });
  }

  /** In place: shuffles x along its first axis. */
  shuffle(x: NDArray): void {
    if (x.ndim === 0) throw new ShapeError('random.shuffle: cannot shuffle a 0-dimensional array');
    x.set([], this.permutation(x));
  }

  /**
   * Random samples from a (a 1-D array, or 0..a-1 for a number), uniformly or with probabilities
   * p, with or without replacement.
   */
  choice(a: number | ArrayInput, options: ChoiceOptions = {}): NDArray {
    const population =
      typeof a === 'number' ? arange(0, a, 1, { dtype: 'int32' }) : asarray(a, {}, 'random.choice');
    if (population.ndim !== 1)
      throw new ShapeError(`random.choice: a must be 1-dimensional, got ${population.ndim} dimensions`);
    const n = population.size;
    const dims = checkShape(options.size ?? [], 'random.choice');
    const count = dims.reduce((x, y) => x * y, 1);
    const replace = options.replace ?? true;
    if (n === 0 && count > 0)
      throw new ArgumentError('random.choice: a cannot be empty unless no samples are taken');
    if (!replace && count > n)
      throw new ArgumentError(
        `random.choice: cannot take a larger sample (${count}) than the population (${n}) when replace is false`,
      );
    const weights = options.p === undefined ? undefined : this.probabilities(options.p, n);
    const picks = new Int32Array(count);
    if (weights === undefined) {
      if (replace) for (let i = 0; i < count; i++) picks[i] = this.nextInt(n);
      else picks.set((readContiguous(this.permutation(n)) as Int32Array).subarray(0, count));
    } else {
      const w = Float64Array.from(weights);
      for (let i = 0; i < count; i++) {
        picks[i] = pick(w, this.nextFloat());
        if (!replace) w[picks[i] as number] = 0;
      }
    }
    return take(population, new NDArray(picks, dims), { axis: 0 });
  }

  private probabilities(p: ArrayInput, n: number): Float64Array {
    const w = readContiguous(asarray(p, { dtype: 'float64' }, 'random.choice')) as Float64Array;
    if (w.length !== n) throw new ShapeError(`random.choice: p has ${w.length} entries but a has ${n}`);
    let total = 0;
    for (const v of w) {
      if (!(v >= 0)) throw new ArgumentError(`random.choice: probabilities must be non-negative, got ${v}`);
      total += v;
    }
    if (Math.abs(total - 1) > 1e-8)
      throw new ArgumentError(`random.choice: probabilities must sum to 1, got ${total}`);
    return w;
  }

  private shuffleInPlace(values: Int32Array): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const t = values[i] as number;
      values[i] = values[j] as number;
      values[j] = t;
    }
  }
}

/** Index of the weight interval containing u * sum(weights) (sequential scan, fixed order). */
function pick(weights: Float64Array, u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  const target = u * total;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w <= 0) continue;
    last = i;
    acc += w;
    if (target < acc) return i;
  }
  return last;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** An independent generator with its own seeded stream (for host code such as the grader). */
export function createRandom(seed = 0): Random {
  return new Random(seed);
}
