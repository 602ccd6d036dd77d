// category: huge output (string)
// expect: runtime_error
// message: output too large
export function run() {
  return "x".repeat(5e6);
}
