/**
 * The guest bundle's entry (bundled by esbuild into one IIFE, see ../guest-bundle.ts): runs in each
 * fresh isolate before the learner's module. It leaves the harness's dispatch function on the
 * global for the host to take; the host deletes that global, then calls `configure` (which
 * installs `np` and locks the global down, see lockdown.ts) before any learner code runs.
 */
import { DISPATCH_GLOBAL } from '../wire.ts';
import { dispatch } from './harness.ts';
import { P } from './primordials.ts';

P.ReflectDefineProperty(globalThis, DISPATCH_GLOBAL, {
  value: dispatch,
  writable: false,
  enumerable: false,
  configurable: true,
});
