// category: huge output (string)
// expect: runtime_error
// message: output too large
// limits: {"callTimeoutMs": 5000, "totalTimeMs": 10000}
export function run() {
  return "x".repeat(5e6);
}
