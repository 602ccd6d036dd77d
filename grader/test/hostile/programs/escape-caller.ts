// category: escape (arguments.callee / fn.caller to reach the harness)
// expect: runtime_error
// message: TypeError
export function run() {
  return (run as unknown as { caller: unknown }).caller;
}
