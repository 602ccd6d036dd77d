// category: infinite loop (toString of a thrown value is never called)
// expect: runtime_error
// message: a non-Error object was thrown
export function run() {
  throw {
    toString() {
      for (;;) {}
    },
  };
}
