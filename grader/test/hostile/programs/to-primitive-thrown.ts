// category: Symbol.toPrimitive tricks (thrown object whose conversions throw)
// expect: runtime_error
// message: a non-Error object was thrown
export function run() {
  throw {
    [Symbol.toPrimitive]() {
      throw 1;
    },
    toString() {
      throw 2;
    },
  };
}
