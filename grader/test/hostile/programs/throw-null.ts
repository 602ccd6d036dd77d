// category: throwing non-Error values (null)
// expect: runtime_error
// message: null was thrown
export function run() {
  throw null;
}
