// category: throwing non-Error values (Symbol)
// expect: runtime_error
// message: a Symbol was thrown
export function run() {
  throw Symbol("s");
}
