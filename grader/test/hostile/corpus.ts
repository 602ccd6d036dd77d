/** Reads the hostile programs and their headers (`// category:`, `// expect:`, `// message:`...). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SandboxLimits } from '../../src/sandbox/index.ts';

export type Expected = 'ok' | 'compile_error' | 'runtime_error' | 'timeout' | 'memory_limit';

export interface HostileProgram {
  file: string;
  language: 'ts' | 'js';
  code: string;
  category: string;
  expect: Expected;
  /** a regular expression the failure message must match */
  message?: RegExp;
  /** for `ok`: the result, rendered by `renderValue` (src/sandbox-probe.ts) */
  value?: string;
  limits: Partial<SandboxLimits>;
}

const EXPECTED: readonly Expected[] = ['ok', 'compile_error', 'runtime_error', 'timeout', 'memory_limit'];
const dir = fileURLToPath(new URL('./programs/', import.meta.url));

function header(code: string, key: string): string | undefined {
  return new RegExp(`^// ${key}: (.*)$`, 'm').exec(code)?.[1];
}

export function loadPrograms(): HostileProgram[] {
  return readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f))
    .sort()
    .map((file) => {
      const code = readFileSync(dir + file, 'utf8');
      const category = header(code, 'category');
      const expect = header(code, 'expect') as Expected | undefined;
      if (!category || !expect || !EXPECTED.includes(expect)) throw new Error(`${file}: bad header`);
      const message = header(code, 'message');
      const value = header(code, 'expect-value');
      const limits = header(code, 'limits');
      return {
        file,
        language: file.endsWith('.ts') ? 'ts' : 'js',
        code,
        category,
        expect,
        ...(message === undefined ? {} : { message: new RegExp(message) }),
        ...(value === undefined ? {} : { value }),
        limits: limits === undefined ? {} : (JSON.parse(limits) as Partial<SandboxLimits>),
      };
    });
}
