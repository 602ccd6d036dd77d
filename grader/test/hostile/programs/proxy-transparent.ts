// category: returning Proxies (transparent: copied as data)
// expect: ok
// expect-value: {out:nd[2]=1,1}
export function run() {
  return new Proxy({ out: np.zeros([2]).add(1) }, {});
}
