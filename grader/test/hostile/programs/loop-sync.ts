// category: infinite loop
// expect: timeout
// message: time limit exceeded
export function run(x: unknown) {
  while (true) {}
}
