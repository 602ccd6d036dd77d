// category: deep recursion
// expect: runtime_error
// message: RangeError: Maximum call stack size exceeded
function f(n: number): number {
  return f(n + 1) + 1;
}
export function run() {
  return f(0);
}
