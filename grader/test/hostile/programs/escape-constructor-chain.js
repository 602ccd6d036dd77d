// category: escape (constructor.constructor("return this")())
// expect: ok
// expect-value: true undefined undefined undefined
export function run(x) {
  const g = x.constructor.constructor("return this")();
  const h = ({}).constructor.constructor("return globalThis")();
  return [g === h, typeof g.process, typeof g.require, typeof g.setTimeout].join(" ");
}
