/**
 * The wire format as JSON, for what travels over HTTP (the browser's Run kit). A WireValue's
 * numbers and array data go through JSON exactly: NaN, +-Infinity and -0 become tagged strings,
 * which plain JSON would turn into null or 0.
 */
import { ARRAY_DTYPES, type ArrayDType, type WireValue } from './wire.ts';

/** The version of the wire format; a reader refuses any other. */
export const WIRE_VERSION = 1;

type Special = 'NaN' | 'Infinity' | '-Infinity' | '-0';
export type JsonNumber = number | Special;
export type JsonWire =
  | null
  | boolean
  | string
  | number
  | { t: 'num'; v: Special }
  | { t: 'undef' }
  | { t: 'nd'; dtype: ArrayDType; shape: number[]; data: JsonNumber[] }
  | { t: 'list'; items: JsonWire[] }
  | { t: 'rec'; entries: [string, JsonWire][] };

function special(v: number): Special | undefined {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return undefined;
}

const SPECIALS: Record<Special, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

export function wireToJson(value: WireValue): JsonWire {
  if (value === undefined) return { t: 'undef' };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    const s = special(value);
    return s === undefined ? value : { t: 'num', v: s };
  }
  switch (value.t) {
    case 'nd':
      return {
        t: 'nd',
        dtype: value.dtype,
        shape: [...value.shape],
        data: Array.from(value.data, (v) => special(v) ?? v),
      };
    case 'list':
      return { t: 'list', items: value.items.map(wireToJson) };
    case 'rec':
      return { t: 'rec', entries: value.entries.map(([k, v]) => [k, wireToJson(v)]) };
    case 'ref':
      throw new TypeError('a value kept inside a sandbox cannot travel as JSON');
  }
}

export class WireJsonError extends Error {
  override name = 'WireJsonError';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** JSON (already parsed) back to a WireValue; throws WireJsonError naming the path of anything malformed. */
export function jsonToWire(json: unknown, path = 'value'): WireValue {
  if (json === null || typeof json === 'boolean' || typeof json === 'string') return json;
  if (typeof json === 'number') return json;
  if (!isRecord(json)) throw new WireJsonError(`${path}: not a wire value`);
  switch (json.t) {
    case 'undef':
      return undefined;
    case 'num': {
      const v = json.v;
      if (typeof v !== 'string' || !(v in SPECIALS))
        throw new WireJsonError(`${path}: unknown number ${String(v)}`);
      return SPECIALS[v as Special];
    }
    case 'nd': {
      const { dtype, shape, data } = json;
      if (!ARRAY_DTYPES.includes(dtype as ArrayDType)) throw new WireJsonError(`${path}: unknown dtype`);
      if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0))
        throw new WireJsonError(`${path}: bad shape`);
      if (!Array.isArray(data)) throw new WireJsonError(`${path}: bad data`);
      const size = (shape as number[]).reduce((a, b) => a * b, 1);
      if (data.length !== size)
        throw new WireJsonError(`${path}: ${data.length} values for ${size} elements`);
      const values = Float64Array.from(data, (v: unknown, i) => {
        if (typeof v === 'number') return v;
        if (typeof v === 'string' && v in SPECIALS) return SPECIALS[v as Special];
        throw new WireJsonError(`${path}.data[${i}]: not a number`);
      });
      return { t: 'nd', dtype: dtype as ArrayDType, shape: shape as number[], data: values };
    }
    case 'list': {
      if (!Array.isArray(json.items)) throw new WireJsonError(`${path}: bad list`);
      return { t: 'list', items: json.items.map((v, i) => jsonToWire(v, `${path}[${i}]`)) };
    }
    case 'rec': {
      if (!Array.isArray(json.entries)) throw new WireJsonError(`${path}: bad record`);
      return {
        t: 'rec',
        entries: json.entries.map((entry, i) => {
          if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string')
            throw new WireJsonError(`${path}: bad entry ${i}`);
          return [entry[0], jsonToWire(entry[1], `${path}.${entry[0]}`)] as [string, WireValue];
        }),
      };
    }
    default:
      throw new WireJsonError(`${path}: not a wire value`);
  }
}
