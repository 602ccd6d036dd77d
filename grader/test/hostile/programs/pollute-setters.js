// category: prototype pollution (accessors on Object.prototype, incl. get/set/value)
// expect: ok
// expect-value: {out:nd[2]=1,1,list:[1,2]}
export function run() {
  const out = np.zeros([2]).add(1);
  for (const key of ["ok", "t", "items", "entries", "shape", "kind", "error", "get", "set", "value"])
    Object.defineProperty(Object.prototype, key, { __proto__: null, get() { for (;;) {} }, set() { for (;;) {} }, configurable: true });
  return { out, list: [1, 2] };
}
