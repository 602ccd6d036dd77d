// category: memory bomb (typed arrays)
// expect: memory_limit
// message: memory limit exceeded
export function run() {
  const a = [];
  for (;;) a.push(new Float64Array(1e6));
}
