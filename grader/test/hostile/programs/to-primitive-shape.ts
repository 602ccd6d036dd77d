// category: Symbol.toPrimitive tricks (a fake array record is just data)
// expect: ok
// expect-value: {shape:[{}],dtype:float64}
export function run() {
  return { shape: [{ [Symbol.toPrimitive]: () => 5 }], dtype: "float64" };
}
