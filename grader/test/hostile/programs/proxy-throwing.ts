// category: returning Proxies (throwing trap)
// expect: runtime_error
// message: invalid output: trap
export function run() {
  return new Proxy(
    {},
    {
      ownKeys: () => ["a"],
      getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }),
      get() {
        throw new Error("trap");
      },
    },
  );
}
