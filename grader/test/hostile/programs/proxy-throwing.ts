// category: returning Proxies (throwing get trap: the output is read by property descriptors, never by get)
// expect: ok
// expect-value: {a:1}
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
