// category: memory bomb (many flat strings)
// expect: memory_limit
// limits: {"callTimeoutMs": 15000, "totalTimeMs": 20000}
// message: memory limit exceeded
export function run() {
  const parts = [];
  for (;;) parts.push("x".repeat(1e6) + parts.length);
}
