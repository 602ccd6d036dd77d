// category: returning symbols
// expect: runtime_error
// message: is a Symbol
export function run() {
  return [Symbol("s")];
}
