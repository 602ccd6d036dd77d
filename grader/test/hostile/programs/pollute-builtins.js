// category: harness tampering (Reflect, Map, Set, Object.keys, JSON, Function.prototype.call/apply/bind)
// expect: ok
// expect-value: {out:nd[2]=1,1}
export function run() {
  const out = np.zeros([2]).add(1);
  Reflect.apply = () => { throw new Error("apply"); };
  Reflect.defineProperty = () => false;
  Reflect.ownKeys = () => [];
  Map.prototype.get = () => undefined;
  Map.prototype.set = () => { throw new Error("set"); };
  Set.prototype.has = () => true;
  Set.prototype.add = () => { throw new Error("add"); };
  Object.keys = () => ["nope"];
  JSON.stringify = () => "{}";
  Function.prototype.call = () => { throw new Error("call"); };
  Function.prototype.apply = () => { throw new Error("apply"); };
  Function.prototype.bind = () => { throw new Error("bind"); };
  return { out };
}
