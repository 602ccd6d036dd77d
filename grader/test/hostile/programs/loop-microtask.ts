// category: infinite loop (queued microtask)
// expect: timeout
// message: time limit exceeded
export function run() {
  Promise.resolve().then(() => {
    for (;;) {}
  });
  return np.zeros([1]);
}
