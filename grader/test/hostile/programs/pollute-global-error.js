// category: harness tampering (global Error and Promise replaced)
// expect: runtime_error
// message: is a function
globalThis.Error = function () { for (;;) {} };
globalThis.Promise = function () { for (;;) {} };
export function run() {
  return () => 1;
}
