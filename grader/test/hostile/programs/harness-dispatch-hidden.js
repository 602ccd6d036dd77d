// category: harness tampering (the dispatch global is gone)
// expect: ok
// expect-value: undefined
export function run() {
  return typeof globalThis.__gradlab_dispatch__;
}
