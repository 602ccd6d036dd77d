// category: escape (dynamic import of a constant name)
// expect: compile_error
// message: line 5, column 17: imports are not allowed \("fs"\)
export function run() {
  return import('f' + 's');
}
