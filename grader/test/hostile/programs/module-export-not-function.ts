// category: module shape (export is not a function)
// expect: runtime_error
// message: `run` is exported but is a number
export const run = 5;
