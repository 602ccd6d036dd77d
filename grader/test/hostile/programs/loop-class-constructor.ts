// category: infinite loop (exported class constructor)
// expect: timeout
// message: time limit exceeded
export class Layer {
  constructor() {
    for (;;) {}
  }
}
export function run() {
  return new Layer();
}
