/**
 * NumPy-like text for arrays (as NumPy's repr): `array([[1. , 2.5],\n       [3. , 4. ]])`,
 * `dtype=...` for float32 and int32, and a summary with `...` when there are more than 1000 elements.
 */
import type { DType } from './dtype.ts';
import type { NDArray } from './ndarray.ts';
import { contiguousStrides, formatShape } from './shape.ts';
import { readContiguous } from './strided.ts';

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE = 3;
const PRECISION = 8;
const PREFIX = 'array(';

/** The array as NumPy would print its repr. */
export function formatArray(x: NDArray): string {
  const suffix = x.dtype === 'float32' || x.dtype === 'int32' ? `, dtype=${x.dtype}` : '';
  if (x.size === 0) {
    const shape = x.ndim === 1 ? '' : `shape=${formatShape(x.shape)}, `;
    return `${PREFIX}[], ${shape}dtype=${x.dtype})`;
  }
  const values = readContiguous(x);
  const summarise = x.size > THRESHOLD;
  const shown = (n: number): number[] =>
    summarise && n > 2 * EDGE
      ? [
          ...Array.from({ length: EDGE }, (_, i) => i),
          -1,
          ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i),
        ]
      : Array.from({ length: n }, (_, i) => i);
  const strides = contiguousStrides(x.shape);
  const visible: number[] = [];
  const collect = (depth: number, base: number): void => {
    if (depth === x.ndim) {
      visible.push(values[base] as number);
      return;
    }
    for (const i of shown(x.shape[depth] as number))
      if (i >= 0) collect(depth + 1, base + i * (strides[depth] as number));
  };
  collect(0, 0);
  const format = elementFormatter(x.dtype, visible);
  const render = (depth: number, base: number): string => {
    if (depth === x.ndim) return format(values[base] as number);
    const indent = ' '.repeat(PREFIX.length + depth + 1);
    const items = shown(x.shape[depth] as number).map((i) =>
      i < 0 ? '...' : render(depth + 1, base + i * (strides[depth] as number)),
    );
    if (depth === x.ndim - 1) return `[${wrap(items, indent)}]`;
    return `[${items.join(`,${'\n'.repeat(x.ndim - depth - 1)}${indent}`)}]`;
  };
  return `${PREFIX}${render(0, 0)}${suffix})`;
}

/** Joins the items of the innermost axis with ', ', starting a new line before LINE_WIDTH. */
function wrap(items: string[], indent: string): string {
  let out = '';
  let line = indent.length;
  items.forEach((item, i) => {
    const piece = i === 0 ? item : `, ${item}`;
    if (i > 0 && line + piece.length + 1 > LINE_WIDTH) {
      out += `,\n${indent}${item}`;
      line = indent.length + item.length;
    } else {
      out += piece;
      line += piece.length;
    }
  });
  return out;
}

/** A function printing one element, with widths and precision shared by all the visible elements. */
function elementFormatter(dtype: DType, visible: number[]): (v: number) => string {
  if (dtype === 'bool') return (v) => (v ? ' True' : 'False');
  if (dtype === 'int32') {
    const width = Math.max(...visible.map((v) => String(v).length));
    return (v) => String(v).padStart(width);
  }
  const finite = visible.filter((v) => Number.isFinite(v));
  const magnitudes = finite.map(Math.abs).filter((v) => v !== 0);
  const maxAbs = magnitudes.length ? Math.max(...magnitudes) : 0;
  const minAbs = magnitudes.length ? Math.min(...magnitudes) : 0;
  const scientific = maxAbs >= 1e8 || (minAbs > 0 && (minAbs < 1e-4 || maxAbs / minAbs > 1e3));
  const texts = finite.map((v) => (scientific ? exponential(v) : fixed(v)));
  const split = texts.map((t) => t.split(/(?=[.])/));
  const intWidth = Math.max(0, ...split.map(([whole]) => (whole ?? '').length));
  const fracWidth = Math.max(0, ...texts.map((t) => fracLength(t, scientific)));
  const special = visible.some((v) => !Number.isFinite(v));
  const width = Math.max(
    intWidth + fracWidth + 1 + (scientific ? 4 : 0),
    special ? Math.max(...visible.filter((v) => !Number.isFinite(v)).map((v) => nonFinite(v).length)) : 0,
  );
  return (v) => {
    if (!Number.isFinite(v)) return nonFinite(v).padStart(width);
    const text = scientific ? exponential(v) : fixed(v);
    const dot = text.indexOf('.');
    const mantissaEnd = scientific ? text.indexOf('e') : text.length;
    const padded = text.slice(0, mantissaEnd).padEnd(dot + 1 + fracWidth) + text.slice(mantissaEnd);
    return padded.padStart(width);
  };
}

function fracLength(text: string, scientific: boolean): number {
  const dot = text.indexOf('.');
  const end = scientific ? text.indexOf('e') : text.length;
  return end - dot - 1;
}

function nonFinite(v: number): string {
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** Fixed notation with at most PRECISION fraction digits and no trailing zeros: `1.`, `0.25`, `-3.14159265`. */
function fixed(v: number): string {
  const text = v.toFixed(PRECISION).replace(/0+$/, '');
  return Object.is(v, -0) ? `-${text}` : text;
}

/** NumPy's scientific notation: `1.5e-05`, `1.e+10`. */
function exponential(v: number): string {
  const [mantissa = '', exponent = '0'] = v.toExponential(PRECISION).split('e');
  const m = mantissa.replace(/0+$/, '');
  const e = Number(exponent);
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
