// category: runaway native loop (indexOf over a huge array-like ignores termination)
// expect: timeout
// message: time limit exceeded
export function run() {
  return Array.prototype.indexOf.call({ length: 2 ** 53 - 1 }, 1);
}
