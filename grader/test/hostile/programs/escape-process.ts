// category: escape (process)
// expect: runtime_error
// message: ReferenceError: process is not defined
declare const process: { exit(code: number): never };
export function run() {
  process.exit(1);
}
