/**
 * The host half of the wire: host arguments -> WireValue, and guest output -> GuestValue with
 * every field checked. The guest output is a structured-clone copy (no getters, no proxies, no
 * functions can survive the copy), but its content is learner-controlled: nothing is assumed.
 */
import { NDArray } from '@gradlab/kernels';
import { ArrayValue, type GuestHandle, type GuestRecord, type GuestValue, type SandboxArg } from './types.ts';
import { ARRAY_DTYPES, type ArrayDType, type WireValue } from './wire.ts';

export class MalformedOutputError extends Error {}

const hasOwn = (value: object, key: string) => Object.hasOwn(value, key);

export interface DecodeContext {
  maxDepth: number;
  maxBytes: number;
  makeHandle(id: number, kind: string): GuestHandle;
}

function isPlainArrayArg(
  value: object,
): value is { shape: readonly number[]; dtype?: unknown; data: Float64Array } {
  return (
    (value as { data?: unknown }).data instanceof Float64Array &&
    Array.isArray((value as { shape?: unknown }).shape)
  );
}

function checkShape(shape: unknown, what: string): number[] {
  if (!Array.isArray(shape) || shape.length > 32)
    throw new MalformedOutputError(`${what}: shape must be an array of at most 32 dims`);
  const dims: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const dim: unknown = shape[i];
    if (typeof dim !== 'number' || !Number.isSafeInteger(dim) || dim < 0)
      throw new MalformedOutputError(`${what}: shape[${i}] must be a non-negative integer`);
    dims.push(dim);
  }
  return dims;
}

function checkDType(dtype: unknown, what: string): ArrayDType {
  const found = ARRAY_DTYPES.find((d) => d === dtype);
  if (found === undefined) throw new MalformedOutputError(`${what}: unknown dtype`);
  return found;
}

/** Host arguments to wire values (throws TypeError on a programming error of the caller). */
export function encodeArg(
  value: SandboxArg,
  path: string,
  depth: number,
  handleId: (handle: GuestHandle) => number | undefined,
): WireValue {
  if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'string')
    return value;
  if (typeof value === 'number') return value;
  if (depth > 64) throw new TypeError(`${path}: arguments nested too deeply`);
  if (typeof value !== 'object') throw new TypeError(`${path}: cannot pass a ${typeof value}`);
  const id = handleId(value as GuestHandle);
  if (id !== undefined) return { t: 'ref', id, kind: '' };
  // an engine array anywhere in the tree, any view: its logical values, row-major
  if (value instanceof NDArray)
    return {
      t: 'nd',
      shape: [...value.shape],
      dtype: value.dtype,
      data: Float64Array.from(value.toTypedArray()),
    };
  if (Array.isArray(value))
    return { t: 'list', items: value.map((v, i) => encodeArg(v, `${path}[${i}]`, depth + 1, handleId)) };
  if (isPlainArrayArg(value)) {
    const shape = checkShape(value.shape, path);
    const dtype = value.dtype === undefined ? 'float64' : checkDType(value.dtype, path);
    const size = shape.reduce((a, b) => a * b, 1);
    if (value.data.length !== size)
      throw new TypeError(
        `${path}: data has ${value.data.length} values, shape [${shape.join(', ')}] needs ${size}`,
      );
    return { t: 'nd', shape, dtype, data: value.data };
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(
      `${path}: a ${proto?.constructor?.name ?? 'class instance'} cannot be passed; pass plain data`,
    );
  const entries: [string, WireValue][] = Object.entries(value as Record<string, SandboxArg>).map(([k, v]) => [
    k,
    encodeArg(v, `${path}.${k}`, depth + 1, handleId),
  ]);
  return { t: 'rec', entries };
}

/** Validates and converts a guest output. Throws MalformedOutputError on anything unexpected. */
export function decodeOutput(value: unknown, context: DecodeContext): GuestValue {
  let bytes = 0;
  const charge = (n: number) => {
    bytes += n;
    if (bytes > context.maxBytes * 2 + 1024) throw new MalformedOutputError('output larger than the limit');
  };
  const visit = (node: unknown, depth: number): GuestValue => {
    if (node === null || node === undefined || typeof node === 'boolean') return node;
    if (typeof node === 'number') return node;
    if (typeof node === 'string') {
      charge(2 * node.length);
      return node;
    }
    if (typeof node !== 'object' || depth > context.maxDepth + 1)
      throw new MalformedOutputError('unexpected value');
    if (Object.getPrototypeOf(node) !== Object.prototype) throw new MalformedOutputError('unexpected object');
    const tag: unknown = hasOwn(node, 't') ? (node as { t: unknown }).t : undefined;
    const field = (key: string): unknown =>
      hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    switch (tag) {
      case 'nd': {
        const shape = checkShape(field('shape'), 'output array');
        const dtype = checkDType(field('dtype'), 'output array');
        const data = field('data');
        if (!(data instanceof Float64Array))
          throw new MalformedOutputError('output array: data is not a Float64Array');
        const size = shape.reduce((a, b) => a * b, 1);
        if (data.length !== size)
          throw new MalformedOutputError('output array: data length does not match the shape');
        charge(8 * size);
        return new ArrayValue(Object.freeze(shape), dtype, data);
      }
      case 'ref': {
        const id = field('id');
        const kind = field('kind');
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || typeof kind !== 'string')
          throw new MalformedOutputError('bad handle');
        return context.makeHandle(id, kind.slice(0, 80));
      }
      case 'list': {
        const items = field('items');
        if (!Array.isArray(items)) throw new MalformedOutputError('bad list');
        charge(8 * items.length);
        const out: GuestValue[] = [];
        for (let i = 0; i < items.length; i++) out.push(visit(items[i], depth + 1));
        return Object.freeze(out);
      }
      case 'rec': {
        const entries = field('entries');
        if (!Array.isArray(entries)) throw new MalformedOutputError('bad record');
        const out: Record<string, GuestValue> = Object.create(null);
        for (const entry of entries) {
          if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string')
            throw new MalformedOutputError('bad record entry');
          const key: string = entry[0];
          charge(8 + 2 * key.length);
          Object.defineProperty(out, key, {
            value: visit(entry[1], depth + 1),
            enumerable: true,
            configurable: false,
            writable: false,
          });
        }
        return Object.freeze(out) as GuestRecord;
      }
      default:
        throw new MalformedOutputError('unexpected object');
    }
  };
  return visit(value, 0);
}
