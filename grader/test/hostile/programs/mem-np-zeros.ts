// category: memory bomb (np.zeros)
// expect: memory_limit
// message: memory limit exceeded
export function run() {
  return np.zeros([20000, 20000]);
}
