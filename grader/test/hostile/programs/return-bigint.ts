// category: returning BigInts
// expect: runtime_error
// message: is a BigInt
export function run() {
  return { loss: 10n };
}
