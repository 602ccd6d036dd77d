// category: returning Proxies (an NDArray proxy lying about its shape)
// expect: runtime_error
// message: invalid output
export function run() {
  const real = np.zeros([2]);
  return new Proxy(real, { get: (t, k) => (k === "shape" ? [1000000] : Reflect.get(t, k)) });
}
