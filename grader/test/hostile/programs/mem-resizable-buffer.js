// category: memory bomb (a resizable ArrayBuffer grows outside isolated-vm's memory limit)
// expect: runtime_error
// message: resize is not a function
export function run() {
  const buffer = new ArrayBuffer(0, { maxByteLength: 2 ** 32 });
  buffer.resize(2 ** 31);
  new Uint8Array(buffer).fill(1);
  return buffer.byteLength;
}
