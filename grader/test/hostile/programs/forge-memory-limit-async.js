// category: forged status (an unhandled rejection whose text names the memory limit)
// expect: runtime_error
// message: ^run\(\) failed: 
export function run() {
  Promise.reject(new Error('Isolate was disposed during execution due to memory limit'));
  return 1;
}
