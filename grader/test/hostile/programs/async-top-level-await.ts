// category: top-level await
// expect: compile_error
// message: line 4, column 1: Top-level await is currently not supported
await new Promise(() => {});
export function run() {}
