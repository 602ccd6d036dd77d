// category: harness tampering before np runs (breaks only the learner's own np calls)
// expect: runtime_error
// message: Error
Map.prototype.get = () => undefined;
export function run() {
  return np.zeros([2]).add(1);
}
