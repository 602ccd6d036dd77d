// category: huge output (long list)
// expect: runtime_error
// message: output too large
// limits: {"callTimeoutMs": 5000, "totalTimeMs": 10000}
export function run() {
  return new Array(1e6).fill(0);
}
