// category: mutating the shared np (NDArray.prototype method replaced)
// expect: runtime_error
// message: TypeError: Cannot assign to read only property
const proto = Object.getPrototypeOf(np.zeros([1])) as Record<string, unknown>;
proto.toTypedArray = () => new Float64Array(1e6);
export function run() {}
