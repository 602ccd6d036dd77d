// category: host work (an output of many small objects, cheap to count, costly to read: 20,000
// empty objects are 160 KB at 8 bytes each, 1.3 MB at the 64 bytes an object costs the host)
// expect: runtime_error
// limits: {"callTimeoutMs": 5000, "totalTimeMs": 10000}
// message: output too large
export function run() {
  return Array.from({ length: 20000 }, () => ({}));
}
