// The lab benchmarks' stand-in for a learner's code: the reference solutions of the lab's
// exercises, compiled as Run compiles a learner's module (TypeScript to CommonJS).
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const exercises = ['affine-layer', 'relu-layer', 'softmax-loss', 'optimizers', 'conv-fast', 'max-pool'];

/** Each exercise's compiled reference solution, by exercise id. */
export function referenceModules(root) {
  return Object.fromEntries(
    exercises.map((id) => [
      id,
      transformSync(fs.readFileSync(path.join(root, 'content', 'exercises', id, 'solution.ts'), 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: 'es2020',
      }).code,
    ]),
  );
}
