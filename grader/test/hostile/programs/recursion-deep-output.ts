// category: deep recursion (deeply nested output)
// expect: runtime_error
// message: nested more than 32 levels
export function run() {
  let o: object = {};
  for (let i = 0; i < 100000; i++) o = { o };
  return o;
}
