// category: memory bomb (resize reached through another array's buffer)
// expect: runtime_error
// message: resize is not a function|reading 'call'
export function run() {
  const proto = Object.getPrototypeOf(new Uint8Array(1).buffer);
  const buffer = new proto.constructor(0, { maxByteLength: 2 ** 32 });
  proto.resize.call(buffer, 2 ** 31);
  return buffer.byteLength;
}
