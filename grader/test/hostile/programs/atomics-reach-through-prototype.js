// category: process abort (looking for Atomics on the global's prototype chain)
// expect: ok
// expect-value: false
export function run() {
  for (let o = globalThis; o !== null; o = Object.getPrototypeOf(o))
    if (Object.getOwnPropertyNames(o).includes('Atomics')) return true;
  return false;
}
