// category: memory bomb (one huge typed array)
// expect: memory_limit
// message: memory limit exceeded
export function run() {
  return new Float64Array(5e8).length;
}
