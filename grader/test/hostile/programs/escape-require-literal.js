// category: escape (require call)
// expect: compile_error
// message: line 5, column 18: imports are not allowed \("child_process"\)
export function run() {
  return require("child_process").execSync("id").toString();
}
