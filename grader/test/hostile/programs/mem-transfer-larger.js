// category: memory bomb (ArrayBuffer.prototype.transfer to a larger length)
// expect: runtime_error
// message: transfer is not a function
export function run() {
  return new ArrayBuffer(8).transfer(2 ** 31).byteLength;
}
