// category: memory bomb (a growable SharedArrayBuffer grows outside the memory limit)
// expect: runtime_error
// message: grow is not a function|SharedArrayBuffer is not defined
export function run() {
  const buffer = new SharedArrayBuffer(0, { maxByteLength: 2 ** 32 });
  buffer.grow(2 ** 30);
  new Uint8Array(buffer).fill(1);
  return buffer.byteLength;
}
