// category: host work (an output of many small objects, cheap to count, costly to read)
// expect: runtime_error
// message: output too large
export function run() {
  return Array.from({ length: 200000 }, () => ({}));
}
