/**
 * Runs a CommonJS module's code with the given globals as parameters and returns its exports.
 * Only for trusted code (exercise files on the server) or code the user runs in their own
 * browser; learner code on the server always goes through the sandbox.
 */
export function evaluateCommonJs(
  code: string,
  globals: Record<string, unknown>,
  require: (name: string) => unknown = (name) => {
    throw new Error(`cannot import "${name}" here`);
  },
): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const names = Object.keys(globals);
  const run = new Function('exports', 'module', 'require', ...names, code);
  run(module.exports, module, require, ...names.map((n) => globals[n]));
  return module.exports;
}
