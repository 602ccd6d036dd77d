// category: escape (dynamic import of a computed name)
// expect: runtime_error
// message: run\(\) failed: require is not defined
export function run(x: unknown) {
  return import(String(x).slice(0, 0) + 'fs');
}
