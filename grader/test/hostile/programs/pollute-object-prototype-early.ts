// category: prototype pollution before np runs (breaks only the learner's own np calls)
// expect: runtime_error
// message: DTypeError
(Object.prototype as Record<string, unknown>).dtype = "evil";
export function run() {
  return np.zeros([2]);
}
