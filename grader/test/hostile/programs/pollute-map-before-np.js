// category: harness tampering before np runs (breaks only the learner's own np calls)
// expect: runtime_error
// message: Error
Map.prototype.get = () => undefined;
export function run() {
  // an elementwise op of two arrays looks its kernel up in a Map (a scalar operand does not)
  return np.zeros([2]).add(np.ones([2]));
}
