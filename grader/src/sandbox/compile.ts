/**
 * Learner source -> one CommonJS-style function body for the isolate, with esbuild (on the host).
 * Bundling mode with a resolver that refuses everything: any `import`, `export ... from` or
 * `require('...')` is a compile error at the learner's own line and column; only the global `np`
 * exists. Top-level await is refused too (the module must finish synchronously).
 */
import { createHash } from 'node:crypto';
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

/**
 * The last few compiles, by source, language and file name: a regrade, a resubmission and the
 * benchmark's same program skip esbuild (about 2 ms of a grading). An outcome is plain data (the
 * SourceMap is read-only) that depends on nothing but those three, so sharing it between
 * gradings shares nothing of one with another. An entry also keeps its source, compared on a hit,
 * so that even a hash collision cannot hand one learner's module to another.
 */
interface CompileEntry {
  source: string;
  language: SourceLanguage;
  filename: string;
  outcome: CompileOutcome;
}

export const COMPILE_CACHE_ENTRIES = 32;
/** Longer sources are compiled every time: the cache stays small (a few MB at most). */
export const COMPILE_CACHE_MAX_SOURCE_CHARS = 32 * 1024;

const compiles = new Map<string, CompileEntry>();

function compileKey(source: string, language: SourceLanguage, filename: string): string {
  return createHash('sha256').update(`${language}\0${filename}\0`).update(source).digest('base64');
}

function cachedCompile(
  key: string,
  source: string,
  language: SourceLanguage,
  filename: string,
): CompileOutcome | undefined {
  const entry = compiles.get(key);
  if (!entry || entry.source !== source || entry.language !== language || entry.filename !== filename)
    return undefined;
  // most recently used last: the first entry is the one to evict
  compiles.delete(key);
  compiles.set(key, entry);
  return entry.outcome;
}

function remember(key: string, entry: CompileEntry): void {
  if (entry.source.length > COMPILE_CACHE_MAX_SOURCE_CHARS) return;
  compiles.delete(key);
  compiles.set(key, entry);
  for (const oldest of compiles.keys()) {
    if (compiles.size <= COMPILE_CACHE_ENTRIES) break;
    compiles.delete(oldest);
  }
}

/** Forgets every cached compile (tests). */
export function clearCompileCache(): void {
  compiles.clear();
}

/** How many compiles are cached (tests). */
export function compileCacheSize(): number {
  return compiles.size;
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
  const key = compileKey(source, language, filename);
  const cached = cachedCompile(key, source, language, filename);
  if (cached) return cached;
  const outcome = await compileWithEsbuild(source, language, filename);
  remember(key, { source, language, filename, outcome: Object.freeze(outcome) });
  return outcome;
}

async function compileWithEsbuild(
  source: string,
  language: SourceLanguage,
  filename: string,
): Promise<CompileOutcome> {
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
