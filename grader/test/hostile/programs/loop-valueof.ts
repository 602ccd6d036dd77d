// category: infinite loop (valueOf is never called on outputs)
// expect: runtime_error
// message: is Weird, not plain data
class Weird {
  valueOf() {
    for (;;) {}
  }
}
export function run() {
  return { out: new Weird() };
}
