// category: escape (import() inside eval, unseen by the compiler)
// expect: runtime_error
// message: used import\(\)
export function run() {
  return (0, eval)("import('fs')");
}
