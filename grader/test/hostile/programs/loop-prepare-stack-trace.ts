// category: infinite loop (Error.prepareStackTrace)
// expect: timeout
// message: time limit exceeded
(Error as unknown as { prepareStackTrace: unknown }).prepareStackTrace = () => {
  for (;;) {}
};
export function run() {
  throw new Error("x");
}
