// category: memory bomb (one huge typed array)
// expect: runtime_error
// message: allocation failed.*\(the sandbox has 32 MB of memory\)
export function run() {
  return new Float64Array(5e8).length;
}
