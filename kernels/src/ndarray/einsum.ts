/**
 * Einstein summation over index letters, e.g. 'ij,jk->ik', 'bij,bjk->bik', 'ii->', 'i,j->ij'.
 * Without '->' the output is the letters that appear once, in alphabetical order (NumPy's rule).
 * Ellipsis ('...') is not supported.
 */
import { asarray } from './creation.ts';
import { allocate, castData, floatType, isFloat, promoteTypes } from './dtype.ts';
import { ArgumentError, ShapeError } from './errors.ts';
import { type ArrayInput, NDArray } from './ndarray.ts';
import { contiguousStrides, formatShape } from './shape.ts';
import { readContiguous } from './strided.ts';

const LETTERS = /^[a-zA-Z]*$/;

/**
 * Sums products of the operands over every letter that is not in the output. Each output
 * element sums over the summed letters in row-major order (first-appearing letter outermost).
 */
export function einsum(subscripts: string, ...operands: ArrayInput[]): NDArray {
  const spec = subscripts.replace(/\s+/g, '');
  if (spec.includes('.'))
    throw new ArgumentError(`einsum: ellipsis ('...') is not supported in "${subscripts}"`);
  const [lhs = '', rhs, extra] = spec.split('->');
  if (extra !== undefined) throw new ArgumentError(`einsum: "${subscripts}" has more than one '->'`);
  const terms = lhs.split(',');
  if (terms.length !== operands.length)
    throw new ArgumentError(
      `einsum: "${subscripts}" names ${terms.length} operand(s) but ${operands.length} were given`,
    );
  const xs = operands.map((o) => asarray(o, {}, 'einsum'));
  const sizes = new Map<string, number>();
  terms.forEach((term, i) => {
    const x = xs[i] as NDArray;
    if (!LETTERS.test(term)) throw new ArgumentError(`einsum: subscripts must be letters, got "${term}"`);
    if (term.length !== x.ndim)
      throw new ShapeError(
        `einsum: operand ${i} has ${x.ndim} dimensions (shape ${formatShape(x.shape)}) but its subscripts "${term}" name ${term.length}`,
      );
    [...term].forEach((letter, d) => {
      const n = x.shape[d] as number;
      const known = sizes.get(letter);
      if (known !== undefined && known !== n)
        throw new ShapeError(
          `einsum: letter '${letter}' has size ${known} in one place and ${n} in operand ${i} (shape ${formatShape(x.shape)})`,
        );
      sizes.set(letter, n);
    });
  });
  const all = [...sizes.keys()];
  const counts = new Map<string, number>();
  for (const term of terms) for (const l of term) counts.set(l, (counts.get(l) ?? 0) + 1);
  const output =
    rhs ??
    all
      .filter((l) => counts.get(l) === 1)
      .sort()
      .join('');
  for (const l of output) {
    if (!sizes.has(l)) throw new ArgumentError(`einsum: output letter '${l}' does not appear in the inputs`);
  }
  if (new Set(output).size !== output.length)
    throw new ArgumentError(`einsum: output subscripts "${output}" repeat a letter`);
  const outLetters = [...output];
  const sumLetters = all.filter((l) => !output.includes(l));

  const promoted = xs.map((x) => x.dtype).reduce(promoteTypes, 'bool');
  const dtype = floatType(promoted);
  const data = xs.map((x) => readContiguous(x, dtype));
  const letterStrides = xs.map((x, i) => {
    const strides = contiguousStrides(x.shape);
    const term = terms[i] as string;
    return (letters: string[]) =>
      letters.map((l) => [...term].reduce((s, t, d) => (t === l ? s + (strides[d] as number) : s), 0));
  });
  const outShape = outLetters.map((l) => sizes.get(l) as number);
  const sumShape = sumLetters.map((l) => sizes.get(l) as number);
  const outOffsets = letterStrides.map((f) => offsetTable(outShape, f(outLetters)));
  const sumOffsets = letterStrides.map((f) => offsetTable(sumShape, f(sumLetters)));
  const outCount = outOffsets[0]?.length ?? 1;
  const sumCount = sumOffsets[0]?.length ?? 1;
  const out = allocate(dtype, outCount);
  const nOps = xs.length;
  for (let o = 0; o < outCount; o++) {
    let acc = 0;
    for (let s = 0; s < sumCount; s++) {
      let product = 1;
      for (let i = 0; i < nOps; i++) {
        product *= (data[i] as ArrayLike<number>)[
          ((outOffsets[i] as Int32Array)[o] as number) + ((sumOffsets[i] as Int32Array)[s] as number)
        ] as number;
      }
      acc += product;
    }
    out[o] = acc;
  }
  return new NDArray(isFloat(promoted) ? out : castData(out, 'int32'), outShape);
}

/** Offsets sum(index[d] * strides[d]) for every index of shape, row-major. */
function offsetTable(shape: number[], strides: number[]): Int32Array {
  const count = shape.reduce((a, b) => a * b, 1);
  const table = new Int32Array(count);
  const index = new Array<number>(shape.length).fill(0);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    table[i] = offset;
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      offset += strides[d] as number;
      if ((index[d] as number) < (shape[d] as number)) break;
      offset -= (strides[d] as number) * (shape[d] as number);
      index[d] = 0;
    }
  }
  return table;
}
