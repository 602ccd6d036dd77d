// category: deep recursion (cyclic output)
// expect: runtime_error
// message: refers back to itself
export function run() {
  const a: Record<string, unknown> = {};
  a.self = a;
  return a;
}
