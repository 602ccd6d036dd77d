// category: memory bomb (fill on a sparse array of length 2**32-1: isolated-vm's catastrophic path)
// expect: memory_limit
// limits: {"callTimeoutMs": 15000, "totalTimeMs": 20000}
// message: memory limit exceeded
export function run() {
  const a = new Array(2 ** 32 - 1);
  a.fill(1);
  return a.length;
}
