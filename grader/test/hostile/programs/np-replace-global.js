// category: mutating the shared np (global np replaced)
// expect: runtime_error
// message: TypeError: Cannot assign to read only property
globalThis.np = { zeros: () => 42 };
export function run() {}
