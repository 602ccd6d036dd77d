// category: memory bomb (typed arrays)
// expect: runtime_error
// message: allocation failed.*\(the sandbox has 32 MB of memory\)
export function run() {
  const a = [];
  for (;;) a.push(new Float64Array(1e6));
}
