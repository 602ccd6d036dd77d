import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '../fixtures/page-guard.ts';
import { repoRoot, signUp } from '../fixtures/site.ts';

/**
 * The Run/Submit differential in a real browser: every exercise's reference, starter and known
 * mistakes go through the site's own Run worker in Chromium (the bundle the exercise page loads,
 * with the RunKit the site serves) and must get, test by test, the verdict, points, message and
 * hints that Submit gives them in the sandbox (grader/scripts/submit-verdicts.ts, which grades
 * them on the public cases). The Node half of the differential is
 * grader/test/grading/run-vs-submit.test.ts.
 */

interface Verdict {
  name: string;
  passed: boolean;
  points: number;
  maxPoints: number;
  message: string;
  hints: string[];
}
interface Graded {
  exercise: string;
  what: string;
  js: string;
  status: string;
  tests: Verdict[];
}

/** Submit's verdicts, graded by the sandbox in a Node process of its own (isolated-vm's flags). */
function submitVerdicts(): Graded[] {
  const script = path.join(repoRoot, 'grader', 'scripts', 'submit-verdicts.ts');
  const done = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (done.status !== 0) throw new Error(`submit-verdicts failed: ${done.stderr}`);
  return JSON.parse(done.stdout) as Graded[];
}

test('Run in Chromium and Submit agree on every known program of every exercise', async ({ page, guard }) => {
  void guard;
  test.setTimeout(300_000);
  const graded = submitVerdicts();
  const exercises = [...new Set(graded.map((g) => g.exercise))];
  expect(exercises.length).toBeGreaterThanOrEqual(25);
  expect(graded.length).toBeGreaterThan(150);

  await signUp(page);
  // the exercise page starts the Run worker: its script (Next's worker bootstrap with the Run
  // worker's chunks in its URL; the editor's own workers are blob: URLs) is the one every Run uses
  await page.goto('/exercises/affine-layer');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
  let workerUrl: string | undefined;
  await expect
    .poll(() => {
      workerUrl = page
        .workers()
        .map((w) => w.url())
        .find((u) => /\/turbopack-worker-[^/]*\.js#params=/.test(u));
      return workerUrl;
    })
    .toBeTruthy();
  expect(workerUrl, 'the Run worker script the exercise page loads').toBeTruthy();

  const disagreements: string[] = [];
  let failedWithHints = 0;
  for (const exercise of exercises) {
    const programs = graded.filter((g) => g.exercise === exercise);
    const kitResponse = await page.request.get(`/api/exercises/${exercise}/kit`);
    expect(kitResponse.status(), `${exercise} kit`).toBe(200);
    const kit = await kitResponse.json();
    const runs = await page.evaluate(
      async ({ url, kit, programs }) => {
        // a classic worker: Next's bootstrap loads the chunks with importScripts
        const worker = new Worker(url as string);
        const out: { status: string; tests: Verdict[] }[] = [];
        try {
          for (const js of programs) {
            const reply = await new Promise<
              { ok: true; result: { status: string; tests: Verdict[] } } | { ok: false; message: string }
            >((resolve) => {
              const timer = setTimeout(() => resolve({ ok: false, message: 'no reply in 20 s' }), 20_000);
              worker.onmessage = (event) => {
                clearTimeout(timer);
                resolve(event.data);
              };
              worker.onerror = (event) => {
                clearTimeout(timer);
                event.preventDefault();
                resolve({ ok: false, message: event.message });
              };
              worker.postMessage({ kit, js });
            });
            out.push(reply.ok ? reply.result : { status: `worker failed: ${reply.message}`, tests: [] });
          }
        } finally {
          worker.terminate();
        }
        return out;
      },
      { url: workerUrl, kit, programs: programs.map((p) => p.js) },
    );
    for (const [i, program] of programs.entries()) {
      const run = runs[i] ?? { status: 'missing', tests: [] };
      const chromium = {
        status: run.status,
        tests: run.tests.map((t) => ({
          name: t.name,
          passed: t.passed,
          points: t.points,
          maxPoints: t.maxPoints,
          message: t.message,
          hints: t.hints ?? [],
        })),
      };
      failedWithHints += chromium.tests.filter((t) => !t.passed && t.hints.length > 0).length;
      const submit = { status: program.status, tests: program.tests };
      if (JSON.stringify(chromium) !== JSON.stringify(submit))
        disagreements.push(
          `${exercise} ${program.what}:\n  Run (Chromium) ${JSON.stringify(chromium)}\n  Submit         ${JSON.stringify(submit)}`,
        );
    }
  }
  expect(disagreements, disagreements.join('\n')).toEqual([]);
  // not vacuous: the known mistakes fail public tests with their hints in the browser
  expect(failedWithHints).toBeGreaterThan(50);
});
