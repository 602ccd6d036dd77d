import fs from 'node:fs';
import { transformSync } from 'esbuild';
import { evaluateCommonJs } from './evaluate-cjs.ts';

/**
 * Evaluates an exercise author's TypeScript module (spec, solution, mistakes) on the server,
 * with `np` (and any other globals) injected the way the sandbox provides them to learners.
 * Only for trusted content files: learner code never goes through here (see sandbox/).
 * The module may only `import type`; any runtime import is an error naming the file.
 */
export function loadAuthorModule(file: string, globals: Record<string, unknown>): Record<string, unknown> {
  const source = fs.readFileSync(file, 'utf8');
  let code: string;
  try {
    code = transformSync(source, { loader: 'ts', format: 'cjs', sourcefile: file, target: 'es2022' }).code;
  } catch (err) {
    throw new Error(`${file}: does not compile: ${(err as Error).message}`);
  }
  return evaluateCommonJs(`${code}\n//# sourceURL=${file}`, globals, (name) => {
    throw new Error(`${file}: imports "${name}" at run time; exercise files may only use "import type"`);
  });
}
