// category: objects with throwing getters
// expect: runtime_error
// message: invalid output: nope
export function run() {
  return {
    get out(): never {
      throw new RangeError("nope");
    },
  };
}
