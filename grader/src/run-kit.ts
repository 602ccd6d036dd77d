import type { OutputCheck } from '@gradlab/content';
import type { JsonWire } from './sandbox/wire-json.ts';

export type { JsonWire } from './sandbox/wire-json.ts';

/**
 * What the browser needs to run an exercise's public tests without the server: the public
 * cases' inputs and reference outputs (computed on the server, in the wire format as JSON),
 * the known mistakes' outputs on those cases (for hints), and `specCode`, the bundled scenario,
 * the same code the sandbox runs. No reference solution, no hidden case, no known-mistake code.
 */
export interface RunKit {
  /** the wire format's version (sandbox/wire-json.ts) */
  wireVersion: number;
  exercise: string;
  functions: string[];
  forbidden: string[];
  outputs: Record<string, OutputCheck>;
  cases: {
    name: string;
    points: number;
    inputs: JsonWire;
    expected: JsonWire;
    /** the known mistakes' outputs on this public case, so Run shows the same hints as Submit */
    mistakes: { hint: string; outputs: JsonWire; mutates: boolean }[];
  }[];
  gradcheckInputs?: JsonWire;
  gradcheckName?: string;
  /** a CommonJS module defining `exports.run` and `exports.gradcheck` */
  specCode: string;
}
