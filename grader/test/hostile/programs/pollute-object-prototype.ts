// category: prototype pollution (Object.prototype fields the host reads)
// expect: ok
// expect-value: nd[2]=1,1
export function run() {
  const out = np.zeros([2]).add(1);
  const proto = Object.prototype as Record<string, unknown>;
  proto.shape = [1e9];
  proto.dtype = "evil";
  proto.t = "nd";
  proto.data = new Float64Array(1);
  proto.ok = false;
  proto.error = { kind: "thrown" };
  return out;
}
