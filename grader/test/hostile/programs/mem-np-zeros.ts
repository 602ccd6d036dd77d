// category: memory bomb (np.zeros)
// expect: runtime_error
// message: allocation failed.*\(the sandbox has 32 MB of memory\)
export function run() {
  return np.zeros([20000, 20000]);
}
