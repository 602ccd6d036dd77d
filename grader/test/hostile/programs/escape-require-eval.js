// category: escape (require through eval)
// expect: runtime_error
// message: ReferenceError: require is not defined
export function run() {
  const r = (0, eval)("require");
  return r("fs").readFileSync("/etc/passwd", "utf8");
}
