// category: top-level await
// expect: compile_error
// message: line 4, column 1: Top-level await is not available
await new Promise(() => {});
export function run() {}
