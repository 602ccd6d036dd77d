// category: never-settling promise
// expect: runtime_error
// message: returned a Promise
export function run() {
  return new Promise(() => {});
}
