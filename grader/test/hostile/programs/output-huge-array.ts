// category: huge output (np array)
// expect: runtime_error
// message: output too large
export function run() {
  return np.zeros([1000, 1000]);
}
