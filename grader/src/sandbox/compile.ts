/**
 * Learner source -> one CommonJS-style function body for the isolate, with esbuild (on the host).
 * Bundling mode with a resolver that refuses everything: any `import`, `export ... from` or
 * `require('...')` is a compile error at the learner's own line and column; only the global `np`
 * exists. Top-level await is refused too (the module must finish synchronously).
 */
import * as esbuild from 'esbuild';
import { SourceMap } from './source-map.ts';
import type { SourceLanguage } from './types.ts';

/** The file name the compiled module runs under inside the isolate (mapped back in stacks). */
export const LEARNER_SCRIPT = 'learner.js';

export type CompileOutcome =
  | { ok: true; code: string; sourceMap: SourceMap; filename: string }
  | { ok: false; message: string; filename: string };

const refuseImports: esbuild.Plugin = {
  name: 'gradlab-refuse-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => ({
      errors: [
        {
          text: `imports are not allowed ("${args.path}"): your code runs alone, with the global \`np\` as its only library; remove the import`,
        },
      ],
    }));
  },
};

function formatMessage(message: esbuild.Message): string {
  const text = message.text.replace(/^\[plugin: [^\]]+\] /, '');
  const location = message.location;
  return location ? `line ${location.line}, column ${location.column + 1}: ${text}` : text;
}

export async function compileLearner(
  source: string,
  language: SourceLanguage,
  options: { filename?: string; maxSourceChars: number },
): Promise<CompileOutcome> {
  const filename = options.filename ?? (language === 'ts' ? 'your-code.ts' : 'your-code.js');
  if (source.length > options.maxSourceChars)
    return {
      ok: false,
      filename,
      message: `the source is too long (${source.length} characters, at most ${options.maxSourceChars})`,
    };
  let result: esbuild.BuildResult<{ write: false; sourcemap: 'external'; outfile: string }>;
  try {
    result = await esbuild.build({
      stdin: { contents: source, loader: language, sourcefile: filename },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'neutral',
      target: 'es2020',
      // import() becomes require(), which does not exist in the isolate: a clear ReferenceError.
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcesContent: false,
      legalComments: 'none',
      outfile: LEARNER_SCRIPT,
      logLevel: 'silent',
      plugins: [refuseImports],
    });
  } catch (error) {
    const errors = (error as { errors?: esbuild.Message[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) throw error;
    const shown = errors.slice(0, 5).map(formatMessage);
    if (errors.length > 5) shown.push(`(${errors.length - 5} more errors)`);
    return { ok: false, filename, message: shown.join('\n') };
  }
  const files = result.outputFiles ?? [];
  const code = files.find((f) => f.path.endsWith('.js'))?.text;
  const map = files.find((f) => f.path.endsWith('.js.map'))?.text;
  if (code === undefined || map === undefined)
    throw new Error('esbuild produced no output for the learner module');
  return { ok: true, code, sourceMap: SourceMap.fromJson(map), filename };
}

/**
 * The script the isolate compiles: an expression whose value is `(module, exports) => void`. The
 * wrapper shares line 1 with esbuild's helpers (never learner code), so generated line numbers
 * are unchanged and the source map applies as is. Strict mode, as ES modules are.
 */
export function wrapModule(code: string): string {
  return `(function (module, exports) {"use strict";${code}\n})`;
}
