'use client';
import type { Monaco } from '@monaco-editor/react';

let typingsLoaded: Promise<void> | null = null;

/**
 * TypeScript in the editor as the grader compiles it: strict, ES2020 output (the sandbox compiles
 * learner code to the same target), ES2022 library, no DOM, learner modules
 * emitted as CommonJS for the browser's Run, and the global `np` typed by the declarations that
 * the build generates from the engine's sources (public/monaco/np.d.ts).
 */
export function configureTypeScript(monaco: Monaco): Promise<void> {
  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ['es2022'],
    strict: true,
    noEmitOnError: false,
    allowNonTsExtensions: true,
    esModuleInterop: true,
    noUncheckedIndexedAccess: false,
  });
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  ts.typescriptDefaults.setEagerModelSync(true);
  typingsLoaded ??= fetch('/monaco/np.d.ts')
    .then((response) => {
      if (!response.ok) throw new Error(`np typings: HTTP ${response.status}`);
      return response.text();
    })
    .then((declarations) => {
      ts.typescriptDefaults.setExtraLibs([{ filePath: 'file:///gradlab/np.d.ts', content: declarations }]);
    });
  return typingsLoaded;
}

interface Diagnostic {
  start?: number;
  messageText: string | { messageText: string };
}

type Model = NonNullable<ReturnType<Monaco['editor']['getModel']>>;

function flatten(message: string | { messageText: string; next?: unknown }): string {
  return typeof message === 'string' ? message : message.messageText;
}

/**
 * The model's TypeScript compiled to CommonJS JavaScript by Monaco's TypeScript worker, or the
 * syntax errors that prevent it (type errors are shown in the editor but do not stop a run).
 */
export async function compileModel(
  monaco: Monaco,
  model: Model,
): Promise<{ ok: true; js: string } | { ok: false; message: string }> {
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const uri = model.uri.toString();
  const syntax: Diagnostic[] = await worker.getSyntacticDiagnostics(uri);
  if (syntax.length > 0) {
    const lines = syntax.map((d) => {
      const at = model.getPositionAt(d.start ?? 0);
      return `line ${at.lineNumber}, column ${at.column}: ${flatten(d.messageText)}`;
    });
    return { ok: false, message: `Your code does not compile:\n${lines.join('\n')}` };
  }
  const output: { outputFiles: { name: string; text: string }[] } = await worker.getEmitOutput(uri);
  const js = output.outputFiles.find((f) => f.name.endsWith('.js'))?.text;
  if (js === undefined) return { ok: false, message: 'The TypeScript compiler produced no JavaScript.' };
  return { ok: true, js };
}
