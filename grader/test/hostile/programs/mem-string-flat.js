// category: memory bomb (many flat strings)
// expect: memory_limit
// limits: {"callTimeoutMs": 5000, "totalTimeMs": 10000}
// message: memory limit exceeded
export function run() {
  const parts = [];
  for (;;) parts.push("x".repeat(1e5) + parts.length);
}
