/**
 * Host values (trees of NDArrays of any dtype and view, numbers, strings, booleans, null, lists,
 * plain objects) to the wire format and back: the one conversion used for the sandbox, the
 * browser's Run kit (as JSON) and the tests. Values arrive with exactly their logical values.
 */
import { NDArray } from '@gradlab/kernels';
import { decodeOutput, encodeArg } from '../sandbox/host-wire.ts';
import type { SandboxArg } from '../sandbox/types.ts';
import type { WireValue } from '../sandbox/wire.ts';
import { type JsonWire, jsonToWire, wireToJson } from '../sandbox/wire-json.ts';
import { fromGuest } from '../values.ts';

const noHandles = () => undefined;
const LIMITS = { maxDepth: 64, maxBytes: 2 ** 30 };

export function toWire(value: unknown, path = 'value'): WireValue {
  return encodeArg(value as SandboxArg, path, 0, noHandles);
}

export function fromWire(wire: WireValue): unknown {
  return fromGuest(
    decodeOutput(wire, {
      ...LIMITS,
      makeHandle: () => {
        throw new TypeError('no handles on this wire');
      },
    }),
  );
}

export const toJsonWire = (value: unknown, path?: string): JsonWire => wireToJson(toWire(value, path));
export const fromJsonWire = (json: unknown): unknown => fromWire(jsonToWire(json));

export function isNDArray(value: unknown): value is NDArray {
  return value instanceof NDArray;
}
