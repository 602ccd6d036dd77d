// category: huge output (np array)
// expect: runtime_error
// message: output too large
// limits: {"callTimeoutMs": 5000, "totalTimeMs": 10000}
export function run() {
  return np.zeros([1000, 1000]);
}
