// category: invalid output (a getter in a returned object runs code while the host reads it)
// expect: runtime_error
// message: out\.loss is a getter
export function run() {
  return { out: { get loss() { return 1; } } };
}
