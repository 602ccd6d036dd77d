import fs from 'node:fs';
import { ContentError } from '@gradlab/content';
import { type TransformFailure, transformSync } from 'esbuild';
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
    // esbuild names the first syntax error with its line: report it there (gradlab check prints file:line)
    const first = (err as Partial<TransformFailure>).errors?.[0];
    const detail = first ? first.text : (err as Error).message;
    throw new ContentError(file, `does not compile: ${detail}`, first?.location?.line);
  }
  try {
    return evaluateCommonJs(`${code}\n//# sourceURL=${file}`, globals, (name) => {
      throw new ContentError(
        file,
        `imports "${name}" at run time; exercise files may only use "import type"`,
      );
    });
  } catch (err) {
    if (err instanceof ContentError) throw err;
    throw new ContentError(file, `fails when loaded: ${(err as Error).message ?? String(err)}`);
  }
}
