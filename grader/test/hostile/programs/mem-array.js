// category: memory bomb (arrays)
// expect: memory_limit
// limits: {"callTimeoutMs": 15000, "totalTimeMs": 20000}
// message: memory limit exceeded
export function run() {
  const a = [];
  for (;;) a.push([a.length, a.length + 1, a.length + 2, a.length + 3]);
}
