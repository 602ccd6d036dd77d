// category: objects with throwing getters
// expect: runtime_error
// message: invalid output: .* is a getter or setter
export function run() {
  return {
    get out(): never {
      throw new RangeError("nope");
    },
  };
}
