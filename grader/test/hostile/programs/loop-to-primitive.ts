// category: infinite loop (Symbol.toPrimitive)
// expect: timeout
// message: time limit exceeded
export function run() {
  const n = {
    [Symbol.toPrimitive]() {
      for (;;) {}
    },
  };
  return +n;
}
