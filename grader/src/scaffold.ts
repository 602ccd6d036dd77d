/**
 * `gradlab new <id> [--lecture <slug>]`: a new exercise folder that already grades (a placeholder
 * layer, out = x^2, with its backward, cases, a known mistake and a gradient self-check), with
 * `TODO(author)` wherever the author must write their own. `gradlab check` refuses the folder
 * until every TODO(author) is gone, and proves it from then on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentRoot, listLectures } from '@gradlab/content';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "leaky-relu" -> "leakyRelu" */
function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export interface ScaffoldResult {
  dir: string;
  files: string[];
  next: string[];
}

export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

function files(id: string, lecture: string): Record<string, string> {
  const fwd = `${camel(id)}Forward`;
  const bwd = `${camel(id)}Backward`;
  return {
    'exercise.mdx': `---
title: TODO(author) the exercise's title
topic: TODO(author) its topic, e.g. backpropagation
lecture: ${lecture}
---

TODO(author): say what the layer computes, with its math, for example

$$
\\mathrm{out} = x \\odot x, \\qquad \\frac{\\partial L}{\\partial x} = 2\\, x \\odot \\mathrm{dout}.
$$

## Your task

- \`${fwd}(x)\` returns \`{ out, cache }\`: \`out\` has the shape of \`x\`.
- \`${bwd}(dout, cache)\` returns \`{ dx }\`, shaped like \`x\`.

Do not modify the input arrays. Outputs are compared with a relative error of at most
$10^{-7}$ per element. See [the lecture](/lectures/${lecture}).
`,
    'starter.ts': `/**
 * ${fwd} / ${bwd}. \`np\` is available as a global.
 */
export function ${fwd}(x: NDArray) {
  // TODO: compute out from x.
  const out = np.zerosLike(x);
  return { out, cache: { x } };
}

export function ${bwd}(dout: NDArray, cache: { x: NDArray }) {
  // TODO: the gradient with respect to x.
  void dout;
  return { dx: np.zerosLike(cache.x) };
}
`,
    'solution.ts': `// Reference solution: server-only, never shipped to a browser.
// TODO(author): replace the placeholder layer (out = x^2) with the exercise's.

export function ${fwd}(x: NDArray) {
  return { out: x.multiply(x), cache: { x } };
}

export function ${bwd}(dout: NDArray, cache: { x: NDArray }) {
  return { dx: cache.x.multiply(dout).multiply(2) };
}
`,
    'spec.ts': `import type { ExerciseSpec, GradientSelfCheck } from '@gradlab/content';

// TODO(author): the scenario, the checked outputs and the cases of your exercise. The scenario
// runs in the learner's realm (sandbox or browser) and on the server with the reference, on
// the same inputs; it may call the learner's functions several times or build their classes.
type Fns = '${fwd}' | '${bwd}';

export const run: ExerciseSpec<Fns>['run'] = ({ ${fwd}, ${bwd} }, { x, dout }) => {
  const { out, cache } = ${fwd}(x);
  const { dx } = ${bwd}(dout, cache);
  return { out, dx };
};

export const gradcheck: GradientSelfCheck<Fns> = {
  name: 'your backward agrees with your forward',
  seed: 7,
  inputs: (g) => ({ x: g.randn([2, 3]) }),
  wrt: { x: 'dx' },
  forward: ({ ${fwd} }, { x }) => {
    const { out, cache } = ${fwd}(x);
    return { out, state: cache };
  },
  backward: ({ ${bwd} }, dout, state) => ${bwd}(dout, state),
};

const spec: ExerciseSpec<Fns> = {
  functions: ['${fwd}', '${bwd}'],
  run,
  outputs: {
    out: { label: '${fwd}: out' },
    dx: { label: '${bwd}: dx' },
  },
  // At least 2 public and 3 hidden cases; hidden ones probe what public ones do not.
  cases: [
    { name: 'small batch', visibility: 'public', points: 2, seed: 1, inputs: (g) => ({ x: g.randn([2, 3]), dout: g.randn([2, 3]) }) },
    { name: 'rank 3 input', visibility: 'public', points: 2, seed: 2, inputs: (g) => ({ x: g.randn([2, 2, 3]), dout: g.randn([2, 2, 3]) }) },
    { name: 'batch of one', visibility: 'hidden', points: 2, seed: 3, inputs: (g) => ({ x: g.randn([1, 4]), dout: g.randn([1, 4]) }) },
    { name: 'large values', visibility: 'hidden', points: 2, seed: 4, inputs: (g) => ({ x: g.randn([3, 2], { scale: 1e3 }), dout: g.randn([3, 2]) }) },
    { name: 'exact zeros', visibility: 'hidden', points: 2, seed: 5, inputs: (g) => ({ x: np.zeros([2, 2]), dout: g.randn([2, 2]) }) },
  ],
  gradcheck,
};

export default spec;
`,
    'mistakes/missing-factor.ts': `// A known mistake: only the function that is wrong; the others come from solution.ts.
// TODO(author): one file per mistake students really make, each with the hint it should trigger.
export const hint = 'dx is half of what it should be: the derivative of x^2 is 2x.';

export function ${bwd}(dout: NDArray, cache: { x: NDArray }) {
  return { dx: cache.x.multiply(dout) };
}
`,
  };
}

export function scaffoldExercise(id: string, options: { lecture?: string } = {}): ScaffoldResult {
  if (!ID.test(id))
    throw new ScaffoldError(`"${id}" is not an exercise id: use lower-case words joined by -`);
  const lectures = listLectures().map((l) => l.slug);
  const lecture = options.lecture ?? lectures[0] ?? 'todo-lecture';
  if (options.lecture !== undefined && !lectures.includes(options.lecture))
    throw new ScaffoldError(`no lecture "${options.lecture}" (there are: ${lectures.join(', ')})`);
  const dir = path.join(contentRoot(), 'exercises', id);
  if (fs.existsSync(dir)) throw new ScaffoldError(`${dir} exists already`);
  const written: string[] = [];
  for (const [name, text] of Object.entries(files(id, lecture))) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  }
  return {
    dir,
    files: written,
    next: [
      `write the statement in exercise.mdx (title, topic, the math, shapes, what not to do)`,
      `write solution.ts, then starter.ts (the learner's starting point: it must compile and score less than full)`,
      `in spec.ts: the scenario, the outputs with their tolerances, the cases (at least 2 public, 3 hidden)`,
      `add one file in mistakes/ per mistake students really make (export hint and the wrong function)`,
      `remove every TODO(author), then run: npx gradlab check ${id}`,
      `see content/README.md, the authoring guide`,
    ],
  };
}
