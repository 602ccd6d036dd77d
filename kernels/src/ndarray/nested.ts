/** Conversion between nested JS arrays and flat storage. */
import { castData, type DType, type TypedArray } from './dtype.ts';
import { ArgumentError, ShapeError } from './errors.ts';

/** A JS scalar: numbers are float64, booleans are bool. */
export type Scalar = number | boolean;

/** Nested JS arrays of scalars, as accepted by `np.array` (`[[1, 2], [3, 4]]`). */
export type NestedInput = Scalar | readonly NestedInput[];

/** Nested JS arrays returned by `toArray()` (bool arrays give booleans). */
export type NestedArray = number | boolean | NestedArray[];

/** Shape, flat values and inferred dtype of nested arrays; ragged nesting is a ShapeError. */
export function fromNested(
  value: NestedInput,
  op: string,
): { shape: number[]; data: TypedArray; dtype: DType } {
  const shape: number[] = [];
  let probe: NestedInput = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0] as NestedInput;
  }
  const flat: number[] = [];
  let allBool = true;
  const walk = (v: NestedInput, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v === 'boolean') flat.push(v ? 1 : 0);
      else if (typeof v === 'number') {
        allBool = false;
        flat.push(v);
      } else if (Array.isArray(v))
        throw new ShapeError(`${op}: the nested arrays are ragged: ${path} is an array, expected a number`);
      else throw new ArgumentError(`${op}: ${path} is ${String(v)}, expected a number or a boolean`);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth])
      throw new ShapeError(
        `${op}: the nested arrays are ragged: ${path} has ${Array.isArray(v) ? `length ${v.length}` : 'no elements'}, expected length ${shape[depth]}`,
      );
    for (let i = 0; i < v.length; i++) walk(v[i] as NestedInput, depth + 1, `${path}[${i}]`);
  };
  walk(value, 0, 'value');
  const dtype: DType = allBool && flat.length > 0 ? 'bool' : 'float64';
  return { shape, data: castData(flat, dtype), dtype };
}

/** Nested arrays of the row-major values `data` with this shape. */
export function toNested(data: ArrayLike<number>, shape: readonly number[], asBool: boolean): NestedArray {
  const convert = (v: number): number | boolean => (asBool ? v !== 0 : v);
  if (shape.length === 0) return convert(data[0] as number);
  let pos = 0;
  const build = (depth: number): NestedArray[] => {
    const n = shape[depth] as number;
    const out: NestedArray[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = depth === shape.length - 1 ? convert(data[pos++] as number) : build(depth + 1);
    }
    return out;
  };
  return build(0);
}
