// category: throwing at module load
// expect: runtime_error
// message: your module threw Error: at load \(line 5, column 7\)
const a = 1;
throw new Error("at load");
export function run() {
  return a;
}
