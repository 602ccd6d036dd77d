// category: returning non-plain objects (Map)
// expect: runtime_error
// message: is Map, not plain data
export function run() {
  return new Map([[1, 2]]);
}
