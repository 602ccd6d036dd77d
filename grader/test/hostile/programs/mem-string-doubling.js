// category: memory bomb (string doubling hits the string length limit)
// expect: runtime_error
// message: RangeError: Invalid string length
export function run() {
  let s = "x";
  for (;;) s += s;
}
