/**
 * Elementwise ops with NumPy broadcasting and type promotion.
 *
 * Promotion: arrays promote as bool < int32 < float32 < float64 (int32 with float32 gives float64);
 * bool operands of arithmetic count as int32; division and float functions (exp, log, ...) of
 * int/bool give float64. A JS number next to an array is "weak" (NumPy 2): it takes the array's
 * dtype, except that a non-integer number next to an int32/bool array gives float64.
 *
 * Same-shape float work runs on the current backend's `binary`/`unary` kernels; broadcast
 * operands are first materialised contiguous.
 */
import type { BinaryOp, UnaryOp } from '../backend/kernel-types.ts';
import { asarray } from './creation.ts';
import { kernel } from './dispatch.ts';
import {
  allocate,
  arithmeticType,
  type DType,
  floatType,
  isFloat,
  promoteTypes,
  type TypedArray,
} from './dtype.ts';
import { ArgumentError } from './errors.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { broadcastShapes, copyDims, sameShape } from './shape.ts';
import { broadcastTo, readContiguous } from './strided.ts';

/** The dtype NumPy 2 would give to an operation mixing these operands (numbers are weak). */
export function resultType(...operands: ArrayInput[]): DType {
  let strong: DType | undefined;
  let weakFloat = false;
  let weakInt = false;
  for (const operand of operands) {
    if (typeof operand === 'number') {
      if (Number.isInteger(operand)) weakInt = true;
      else weakFloat = true;
    } else if (typeof operand !== 'boolean') {
      const dtype = operand instanceof NDArray ? operand.dtype : asarray(operand).dtype;
      strong = strong === undefined ? dtype : promoteTypes(strong, dtype);
    }
  }
  if (strong === undefined) return weakFloat || weakInt ? 'float64' : 'bool';
  if (weakFloat && !isFloat(strong)) return 'float64';
  if (weakInt && strong === 'bool') return 'int32';
  return strong;
}

/** Converts an operand to an NDArray; JS scalars take the dtype of the operation. */
function operand(value: ArrayInput, dtype: DType, op: string): NDArray {
  if (typeof value === 'number' || typeof value === 'boolean') return asarray(value, { dtype }, op);
  return asarray(value, {}, op);
}

/** The operands broadcast to one shape and read as contiguous arrays of `dtype`. */
function broadcastRead(
  op: string,
  dtype: DType,
  arrays: NDArray[],
): { shape: number[]; values: TypedArray[] } {
  // two operands of one shape (most ops): no broadcast views to build, the same values
  if (arrays.length === 2) {
    const a = arrays[0] as NDArray;
    const b = arrays[1] as NDArray;
    if (sameShape(a.shape, b.shape))
      return { shape: copyDims(a.shape), values: [readContiguous(a, dtype), readContiguous(b, dtype)] };
  }
  const shape = broadcastShapes(op, ...arrays.map((a) => a.shape));
  return { shape, values: arrays.map((a) => readContiguous(broadcastTo(a, shape, op), dtype)) };
}

type BinaryKind = 'arithmetic' | 'divide' | 'compare';

interface BinaryDef {
  kind: BinaryKind;
  /** The backend kernel's op for float operands, when there is one. */
  kernelOp?: BinaryOp;
  /** The scalar function (float semantics). */
  fn: (a: number, b: number) => number;
  /** Integer semantics, when they differ (int32 wrap-around multiply). */
  intFn?: (a: number, b: number) => number;
  /** Checks integer operands (e.g. negative integer powers). */
  checkInt?: (b: TypedArray, op: string) => void;
}

function binary(name: string, def: BinaryDef, a: ArrayInput, b: ArrayInput): NDArray {
  const promoted = resultType(a, b);
  const x = operand(a, promoted, name);
  const y = operand(b, promoted, name);
  const compute =
    def.kind === 'divide'
      ? floatType(promoted)
      : def.kind === 'compare'
        ? promoted
        : arithmeticType(promoted);
  const outDtype = def.kind === 'compare' ? 'bool' : compute;
  const scalar =
    def.kind === 'compare'
      ? compareWithScalar(name, x, y, compute)
      : isFloat(compute)
        ? withScalar(name, x, y, compute, outDtype)
        : null;
  if (scalar) return scalar;
  const { shape, values } = broadcastRead(name, compute, [x, y]);
  const [av, bv] = values as [TypedArray, TypedArray];
  const out = allocate(outDtype, av.length, false); // every element is written below
  if (def.kernelOp !== undefined && isFloat(compute) && def.kind !== 'compare') {
    kernel(
      'binary',
      compute,
    )({
      op: def.kernelOp,
      a: av as Float64Array | Float32Array,
      b: bv as Float64Array | Float32Array,
      out: out as Float64Array | Float32Array,
    });
  } else if (def.kind === 'compare') {
    (compareLoops[name] as CompareLoop)(av, bv, out);
  } else {
    if (!isFloat(compute)) def.checkInt?.(bv, name);
    const fn = !isFloat(compute) && def.intFn ? def.intFn : def.fn;
    for (let i = 0; i < out.length; i++) out[i] = fn(av[i] as number, bv[i] as number);
  }
  return new NDArray(out, shape);
}

type CompareLoop = (a: TypedArray, b: TypedArray, out: TypedArray) => void;
type CompareScalarLoop = (v: TypedArray, s: number, out: TypedArray) => void;

/**
 * Comparisons of two arrays of one length, one loop per op (no function call per element: a
 * ReLU's backward pass compares a whole activation with 0), with no branch (`+(a > b)`, not
 * `a > b ? 1 : 0`: a branch on random signs is mispredicted half the time, 4 times slower). JS comparisons of the operands'
 * values, as NumPy compares them in the promoted dtype: NaN compares unequal to everything.
 */
const compareLoops: Record<string, CompareLoop> = {
  equal: (a, b, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((a[i] as number) === (b[i] as number));
  },
  notEqual: (a, b, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((a[i] as number) !== (b[i] as number));
  },
  less: (a, b, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((a[i] as number) < (b[i] as number));
  },
  lessEqual: (a, b, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((a[i] as number) <= (b[i] as number));
  },
  greater: (a, b, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((a[i] as number) > (b[i] as number));
  },
  greaterEqual: (a, b, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((a[i] as number) >= (b[i] as number));
  },
};

/** Each element compared with one number (array on the left). */
const compareScalarLoops: Record<string, CompareScalarLoop> = {
  equal: (v, s, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((v[i] as number) === s);
  },
  notEqual: (v, s, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((v[i] as number) !== s);
  },
  less: (v, s, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((v[i] as number) < s);
  },
  lessEqual: (v, s, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((v[i] as number) <= s);
  },
  greater: (v, s, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((v[i] as number) > s);
  },
  greaterEqual: (v, s, out) => {
    for (let i = 0; i < out.length; i++) out[i] = +((v[i] as number) >= s);
  },
};

/** `s op v` is `v mirrored(op) s`. */
const mirrored: Record<string, string> = {
  equal: 'equal',
  notEqual: 'notEqual',
  less: 'greater',
  lessEqual: 'greaterEqual',
  greater: 'less',
  greaterEqual: 'lessEqual',
};

/**
 * A comparison with one single-element operand (x > 0), as `withScalar` does for arithmetic:
 * no full-size copy of the scalar. Null when neither operand is a lone element of the result's rank.
 */
function compareWithScalar(name: string, x: NDArray, y: NDArray, compute: DType): NDArray | null {
  const scalarFirst = x.size === 1 && y.size !== 1;
  const [array, single] = scalarFirst ? [y, x] : [x, y];
  if (single.size !== 1 || single.ndim > array.ndim || array.size === 0) return null;
  const values = readContiguous(array, compute);
  const out = allocate('bool', values.length, false); // every element is written below
  const loop = compareScalarLoops[scalarFirst ? (mirrored[name] as string) : name] as CompareScalarLoop;
  loop(values, readContiguous(single, compute)[0] as number, out);
  return new NDArray(out, [...array.shape]);
}

/** Float + - * / with one single-element operand: one loop, no broadcast copy of the scalar. */
const scalarLoops: Record<string, (v: TypedArray, s: number, out: TypedArray, scalarFirst: boolean) => void> =
  {
    add: (v, s, out) => {
      for (let i = 0; i < out.length; i++) out[i] = (v[i] as number) + s;
    },
    subtract: (v, s, out, first) => {
      if (first) for (let i = 0; i < out.length; i++) out[i] = s - (v[i] as number);
      else for (let i = 0; i < out.length; i++) out[i] = (v[i] as number) - s;
    },
    multiply: (v, s, out) => {
      for (let i = 0; i < out.length; i++) out[i] = (v[i] as number) * s;
    },
    divide: (v, s, out, first) => {
      if (first) for (let i = 0; i < out.length; i++) out[i] = s / (v[i] as number);
      else for (let i = 0; i < out.length; i++) out[i] = (v[i] as number) / s;
    },
  };

/**
 * The result when one operand holds a single element and the other already has the result's
 * shape (a learning rate times a weight matrix): IEEE arithmetic, the same values as the
 * kernels, without materializing the scalar at full size. Null for every other case.
 */
function withScalar(name: string, x: NDArray, y: NDArray, compute: DType, outDtype: DType): NDArray | null {
  const loop = scalarLoops[name];
  if (!loop) return null;
  const scalarFirst = x.size === 1 && y.size !== 1;
  const [array, single] = scalarFirst ? [y, x] : [x, y];
  if (single.size !== 1 || single.ndim > array.ndim || array.size === 0) return null;
  const values = readContiguous(array, compute);
  const out = allocate(outDtype, values.length, false); // every element is written below
  loop(values, readContiguous(single, compute)[0] as number, out, scalarFirst);
  return new NDArray(out, [...array.shape]);
}

const defs = {
  add: { kind: 'arithmetic', kernelOp: 'add', fn: (a, b) => a + b },
  subtract: { kind: 'arithmetic', kernelOp: 'sub', fn: (a, b) => a - b },
  multiply: { kind: 'arithmetic', kernelOp: 'mul', fn: (a, b) => a * b, intFn: Math.imul },
  divide: { kind: 'divide', kernelOp: 'div', fn: (a, b) => a / b },
  power: {
    kind: 'arithmetic',
    fn: Math.pow,
    checkInt: (b, op) => {
      for (let i = 0; i < b.length; i++) {
        if ((b[i] as number) < 0)
          throw new ArgumentError(
            `${op}: integers to negative integer powers are not allowed; convert the base to float first (x.astype('float64'))`,
          );
      }
    },
  },
  maximum: { kind: 'arithmetic', kernelOp: 'max', fn: Math.max },
  minimum: { kind: 'arithmetic', kernelOp: 'min', fn: Math.min },
  equal: { kind: 'compare', fn: (a, b) => (a === b ? 1 : 0) },
  notEqual: { kind: 'compare', fn: (a, b) => (a !== b ? 1 : 0) },
  less: { kind: 'compare', fn: (a, b) => (a < b ? 1 : 0) },
  lessEqual: { kind: 'compare', fn: (a, b) => (a <= b ? 1 : 0) },
  greater: { kind: 'compare', fn: (a, b) => (a > b ? 1 : 0) },
  greaterEqual: { kind: 'compare', fn: (a, b) => (a >= b ? 1 : 0) },
} satisfies Record<string, BinaryDef>;

/** a + b, broadcast. */
export function add(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('add', defs.add, a, b);
}
/** a - b, broadcast. */
export function subtract(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('subtract', defs.subtract, a, b);
}
/** a * b, broadcast (int32 wraps around like NumPy). */
export function multiply(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('multiply', defs.multiply, a, b);
}
/** a / b, broadcast; integer operands give float64 (true division). */
export function divide(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('divide', defs.divide, a, b);
}
/** a ** b, broadcast (a negative base to a fractional power is NaN). */
export function power(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('power', defs.power, a, b);
}
/** Elementwise maximum, NaN-propagating. */
export function maximum(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('maximum', defs.maximum, a, b);
}
/** Elementwise minimum, NaN-propagating. */
export function minimum(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('minimum', defs.minimum, a, b);
}
/** a == b as a bool array. */
export function equal(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('equal', defs.equal, a, b);
}
/** a != b as a bool array. */
export function notEqual(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('notEqual', defs.notEqual, a, b);
}
/** a < b as a bool array. */
export function less(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('less', defs.less, a, b);
}
/** a <= b as a bool array. */
export function lessEqual(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('lessEqual', defs.lessEqual, a, b);
}
/** a > b as a bool array. */
export function greater(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('greater', defs.greater, a, b);
}
/** a >= b as a bool array. */
export function greaterEqual(a: ArrayInput, b: ArrayInput): NDArray {
  return binary('greaterEqual', defs.greaterEqual, a, b);
}

interface UnaryDef {
  /** `float`: int/bool inputs give float64; `keep`: the dtype is kept (bool counts as int32). */
  kind: 'float' | 'keep';
  kernelOp?: UnaryOp;
  fn: (v: number) => number;
}

function unary(name: string, def: UnaryDef, a: ArrayInput): NDArray {
  const x = asarray(a, {}, name);
  const dtype = def.kind === 'float' ? floatType(x.dtype) : arithmeticType(x.dtype);
  const values = readContiguous(x, dtype);
  const out = allocate(dtype, values.length, false); // every element is written below
  if (def.kernelOp !== undefined && isFloat(dtype)) {
    kernel(
      'unary',
      dtype,
    )({
      op: def.kernelOp,
      x: values as Float64Array | Float32Array,
      out: out as Float64Array | Float32Array,
    });
  } else {
    const fn = def.fn;
    for (let i = 0; i < out.length; i++) out[i] = fn(values[i] as number);
  }
  return new NDArray(out, x.shape);
}

/** -x. */
export function negative(x: ArrayInput): NDArray {
  return unary('negative', { kind: 'keep', kernelOp: 'neg', fn: (v) => -v }, x);
}
/** e ** x. */
export function exp(x: ArrayInput): NDArray {
  return unary('exp', { kind: 'float', kernelOp: 'exp', fn: Math.exp }, x);
}
/** Natural logarithm (log(0) = -Infinity, log of a negative number = NaN). */
export function log(x: ArrayInput): NDArray {
  return unary('log', { kind: 'float', kernelOp: 'log', fn: Math.log }, x);
}
/** log(1 + x), accurate for small x. */
export function log1p(x: ArrayInput): NDArray {
  return unary('log1p', { kind: 'float', fn: Math.log1p }, x);
}
/** Square root (NaN for negative numbers). */
export function sqrt(x: ArrayInput): NDArray {
  return unary('sqrt', { kind: 'float', kernelOp: 'sqrt', fn: Math.sqrt }, x);
}
/** x * x. */
export function square(x: ArrayInput): NDArray {
  return unary('square', { kind: 'keep', kernelOp: 'square', fn: (v) => v * v }, x);
}
/** Hyperbolic tangent. */
export function tanh(x: ArrayInput): NDArray {
  return unary('tanh', { kind: 'float', kernelOp: 'tanh', fn: Math.tanh }, x);
}
/** Absolute value. */
export function abs(x: ArrayInput): NDArray {
  return unary('abs', { kind: 'keep', kernelOp: 'abs', fn: Math.abs }, x);
}
/** -1, 0 or 1 by the sign of x (NaN stays NaN). */
export function sign(x: ArrayInput): NDArray {
  return unary('sign', { kind: 'keep', fn: (v) => (v > 0 ? 1 : v < 0 ? -1 : v) }, x);
}

/** Limits x to [min, max] (either bound may be null), i.e. minimum(maximum(x, min), max). */
export function clip(x: ArrayInput, min: ArrayInput | null, max: ArrayInput | null): NDArray {
  let out = asarray(x, {}, 'clip');
  if (min !== null) out = binary('clip', defs.maximum, out, min);
  if (max !== null) out = binary('clip', defs.minimum, out, max);
  return out === x ? out.copy() : out;
}

/** Picks x where condition is true, else y (all three broadcast); condition is read as bool. */
export function where(condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray {
  const dtype = resultType(x, y);
  const c = asarray(condition, {}, 'where');
  const xa = operand(x, dtype, 'where');
  const ya = operand(y, dtype, 'where');
  const shape = broadcastShapes('where', c.shape, xa.shape, ya.shape);
  const cv = readContiguous(broadcastTo(c, shape, 'where'), 'bool');
  const out = allocate(dtype, cv.length, false); // every element is written below
  // a lone x or y (where(mask, dout, 0)) is read once, not copied to the result's size
  const xv = xa.size === 1 ? null : readContiguous(broadcastTo(xa, shape, 'where'), dtype);
  const yv = ya.size === 1 ? null : readContiguous(broadcastTo(ya, shape, 'where'), dtype);
  const pair = allocate(dtype, 2);
  if (xv === null) pair[1] = readContiguous(xa, dtype)[0] as number;
  if (yv === null) pair[0] = readContiguous(ya, dtype)[0] as number;
  pick(cv, xv, yv, pair, out);
  return new NDArray(out, shape);
}

/**
 * out[i] = cv[i] ? x[i] : y[i], where a null x or y is the lone value already in pair[1] or
 * pair[0]. Each element is picked from the two-slot `pair` by the condition's byte (0 gives slot
 * 0, any other value slot 1), not by a branch: a mask's random pattern defeats the branch
 * predictor, and this runs 2.4 times faster on a ReLU's backward pass.
 */
function pick(
  cv: TypedArray,
  xv: TypedArray | null,
  yv: TypedArray | null,
  pair: TypedArray,
  out: TypedArray,
): void {
  const n = out.length;
  if (xv === null && yv === null) {
    for (let i = 0; i < n; i++) out[i] = pair[((cv[i] as number) + 255) >> 8] as number;
  } else if (yv === null && xv !== null) {
    for (let i = 0; i < n; i++) {
      pair[1] = xv[i] as number;
      out[i] = pair[((cv[i] as number) + 255) >> 8] as number;
    }
  } else if (xv === null && yv !== null) {
    for (let i = 0; i < n; i++) {
      pair[0] = yv[i] as number;
      out[i] = pair[((cv[i] as number) + 255) >> 8] as number;
    }
  } else if (xv !== null && yv !== null) {
    for (let i = 0; i < n; i++) {
      pair[0] = yv[i] as number;
      pair[1] = xv[i] as number;
      out[i] = pair[((cv[i] as number) + 255) >> 8] as number;
    }
  }
}

/** Options of isclose/allclose (NumPy's defaults). */
export interface CloseOptions {
  rtol?: number;
  atol?: number;
  /** Count NaN == NaN as close (default false). */
  equalNan?: boolean;
}

/** |a - b| <= atol + rtol * |b| elementwise (not symmetric, as NumPy); infinities are close to themselves. */
export function isclose(a: ArrayInput, b: ArrayInput, options: CloseOptions = {}): NDArray {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  const equalNan = options.equalNan ?? false;
  const x = asarray(a, {}, 'isclose');
  const y = asarray(b, {}, 'isclose');
  const { shape, values } = broadcastRead('isclose', 'float64', [x, y]);
  const [av, bv] = values as [TypedArray, TypedArray];
  const out = new Uint8Array(av.length);
  for (let i = 0; i < out.length; i++) {
    const p = av[i] as number;
    const q = bv[i] as number;
    let close: boolean;
    if (Number.isNaN(p) || Number.isNaN(q)) close = equalNan && Number.isNaN(p) && Number.isNaN(q);
    else if (!Number.isFinite(p) || !Number.isFinite(q)) close = p === q;
    else close = Math.abs(p - q) <= atol + rtol * Math.abs(q);
    out[i] = close ? 1 : 0;
  }
  return new NDArray(out, shape);
}

/** True when every pair of elements isclose (shapes must broadcast). */
export function allclose(a: ArrayInput, b: ArrayInput, options: CloseOptions = {}): boolean {
  const close = isclose(a, b, options).data;
  for (let i = 0; i < close.length; i++) if (close[i] === 0) return false;
  return true;
}
