// category: process abort (Atomics.waitAsync made isolated-vm call std::terminate)
// expect: runtime_error
// message: Atomics is not defined
export function run() {
  Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
}
