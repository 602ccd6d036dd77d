// category: memory bomb (WebAssembly.Memory growth: WebAssembly is removed)
// expect: runtime_error
// message: ReferenceError: WebAssembly is not defined
export function run() {
  const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
  m.grow(65535);
  new Uint8Array(m.buffer).fill(1);
}
