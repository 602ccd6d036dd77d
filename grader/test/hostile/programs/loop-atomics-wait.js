// category: infinite loop (blocking Atomics.wait)
// expect: runtime_error
// message: Atomics is not defined
export function run() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
