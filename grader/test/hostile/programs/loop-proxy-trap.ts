// category: infinite loop (Proxy trap of the result)
// expect: timeout
// message: time limit exceeded
export function run() {
  return new Proxy(
    {},
    {
      ownKeys() {
        for (;;) {}
      },
    },
  );
}
