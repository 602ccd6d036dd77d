// category: memory bomb (Map of objects)
// expect: memory_limit
// limits: {"callTimeoutMs": 15000, "totalTimeMs": 20000}
// message: memory limit exceeded
const m = new Map();
export function run() {
  for (let i = 0; ; i++) m.set(i, { i, s: `k${i}` });
}
