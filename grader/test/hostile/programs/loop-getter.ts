// category: infinite loop (getter of the returned object)
// expect: timeout
// message: time limit exceeded
export function run(x: unknown) {
  return {
    get out() {
      while (true) {}
    },
  };
}
