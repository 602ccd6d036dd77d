// category: returning functions
// expect: runtime_error
// message: is a function
export function run() {
  return { out: () => 1 };
}
