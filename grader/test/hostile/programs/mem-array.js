// category: memory bomb (arrays)
// expect: memory_limit
// limits: {"callTimeoutMs": 5000, "totalTimeMs": 10000}
// message: memory limit exceeded
export function run() {
  const a = [];
  for (;;) a.push([a.length, a.length + 1, a.length + 2, a.length + 3]);
}
