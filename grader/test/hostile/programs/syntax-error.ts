// category: compile error (syntax)
// expect: compile_error
// message: line 6, column 9: Expected
export function run() {
  const a = 1;
  let b c = 2;
}
