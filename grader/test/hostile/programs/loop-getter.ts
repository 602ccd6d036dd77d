// category: infinite loop (getter of the returned object)
// expect: runtime_error
// message: invalid output: .* is a getter or setter
export function run(x: unknown) {
  return {
    get out() {
      while (true) {}
    },
  };
}
