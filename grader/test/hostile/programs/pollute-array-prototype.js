// category: prototype pollution (Array.prototype methods and index setters)
// expect: ok
// expect-value: [nd[2]=1,1,{out:nd[2]=1,1}]
export function run() {
  const out = np.zeros([2]).add(1);
  Array.prototype.push = () => { throw new Error("push"); };
  Array.prototype.map = () => { throw new Error("map"); };
  for (const i of ["0", "1", "2"]) Object.defineProperty(Array.prototype, i, { __proto__: null, set() { throw new Error("index setter"); }, configurable: true });
  return [out, { out }];
}
