// category: escape (static import)
// expect: compile_error
// message: line 4, column 16: imports are not allowed \("fs"\)
import fs from "fs";
export function run() {
  return fs.readFileSync("/etc/passwd", "utf8");
}
