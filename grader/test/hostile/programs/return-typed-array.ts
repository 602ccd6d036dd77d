// category: returning raw typed arrays
// expect: runtime_error
// message: is a Float64Array; wrap it in an np array
export function run() {
  return new Float64Array(3);
}
