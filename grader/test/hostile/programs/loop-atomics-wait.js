// category: infinite loop (blocking Atomics.wait)
// expect: timeout
// message: time limit exceeded
export function run() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
