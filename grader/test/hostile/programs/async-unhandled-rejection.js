// category: never-settling / rejected promises (rejection after the call returned)
// expect: runtime_error
// message: run\(\) failed: late
export function run() {
  Promise.reject(new Error('late'));
  return 1;
}
