// category: mutating the shared np (np.array replaced)
// expect: runtime_error
// message: TypeError: Cannot assign to read only property 'array'
(np as unknown as Record<string, unknown>).array = () => null;
export function run() {}
