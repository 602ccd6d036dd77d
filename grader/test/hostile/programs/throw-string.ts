// category: throwing non-Error values (string)
// expect: runtime_error
// message: "oops" was thrown \(not an Error object\)
export function run() {
  throw "oops";
}
