// category: memory bomb (WebAssembly reached indirectly)
// expect: ok
// expect-value: 0 undefined undefined
export function run() {
  const g = Function("return this")();
  const names = Object.getOwnPropertyNames(g).filter((n) => /assembly/i.test(n));
  return `${names.length} ${typeof g["Web" + "Assembly"]} ${typeof globalThis.WebAssembly}`;
}
