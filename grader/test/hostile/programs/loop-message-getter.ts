// category: infinite loop (getter of a thrown value)
// expect: timeout
// message: time limit exceeded
export function run() {
  throw {
    get message(): string {
      for (;;) {}
    },
  };
}
