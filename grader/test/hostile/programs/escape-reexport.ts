// category: escape (export from)
// expect: compile_error
// message: imports are not allowed \("node:os"\)
export { cpus as run } from "node:os";
