// category: async exports
// expect: runtime_error
// message: returned a Promise: async functions are not supported
export async function run() {
  return np.zeros([1]);
}
