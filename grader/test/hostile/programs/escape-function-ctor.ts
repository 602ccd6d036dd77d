// category: escape (Function constructor: the global is the isolate's)
// expect: ok
// expect-value: clean
export function run() {
  const g = Function("return this")() as Record<string, unknown>;
  const hostOnly = ["process", "require", "module", "global", "setTimeout", "setInterval", "queueMicrotask", "fetch", "Buffer", "WebAssembly", "__gradlab_dispatch__", "_ivm", "ivm"];
  return hostOnly.filter((n) => g[n] !== undefined).join(",") || "clean";
}
