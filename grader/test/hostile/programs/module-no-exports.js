// category: module shape (no export)
// expect: runtime_error
// message: does not export `run`
const x = 1;
