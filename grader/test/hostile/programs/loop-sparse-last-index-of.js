// category: runaway native loop (lastIndexOf over a sparse array of length 2**32-1)
// expect: timeout
// message: time limit exceeded
export function run() {
  const a = [];
  a.length = 2 ** 32 - 1;
  return a.lastIndexOf(1);
}
