// category: thenable result
// expect: runtime_error
// message: is a function
export function run() {
  return { then(resolve) { resolve(1); } };
}
