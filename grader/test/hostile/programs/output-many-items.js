// category: huge output (long list)
// expect: runtime_error
// message: output too large
export function run() {
  return new Array(1e6).fill(0);
}
