import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without declarations
import { npDeclarations } from '../scripts/prepare-editor-assets.mjs';

const exerciseDir = path.resolve(import.meta.dirname, '..', '..', '..', 'content', 'exercises');

/** Type-checks learner files against the generated typings with the editor's compiler options. */
function diagnostics(declarations: string, files: Record<string, string>): string[] {
  const all: Record<string, string> = { '/np.d.ts': declarations, ...files };
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => all[name] ?? readFile(name);
  host.fileExists = (name) => name in all || ts.sys.fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => {
    const text = all[name];
    return text === undefined ? getSourceFile(name, language) : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram(Object.keys(all), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the np typings of the editor (generated from kernels/src)', () => {
  let declarations: string;
  beforeAll(() => {
    declarations = npDeclarations();
  }, 60_000);

  it('are one ambient file declaring the globals np and NDArray', () => {
    expect(declarations).toMatch(/^declare const np: typeof import\('@gradlab-np\/np'\)\.np;$/m);
    expect(declarations).toMatch(/^type NDArray = /m);
    expect(declarations).not.toMatch(/from '\.\.?\//);
  });

  it('type-check every exercise solution and starter without errors', () => {
    const files: Record<string, string> = {};
    for (const id of fs.readdirSync(exerciseDir)) {
      for (const name of ['solution.ts', 'starter.ts']) {
        const file = path.join(exerciseDir, id, name);
        if (fs.existsSync(file)) files[`/${id}/${name}`] = fs.readFileSync(file, 'utf8');
      }
    }
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(diagnostics(declarations, files)).toEqual([]);
  });

  it('flag a misspelt np function and a wrong argument', () => {
    const problems = diagnostics(declarations, {
      '/learner.ts':
        'export const a = np.zerosLik(np.zeros([2]));\nexport const b: NDArray = np.zeros("x");\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(/Property 'zerosLik' does not exist .*Did you mean 'zerosLike'\?/),
      expect.stringMatching(/Argument of type 'string' is not assignable/),
    ]);
  });
});
