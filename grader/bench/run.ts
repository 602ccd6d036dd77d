/**
 * `npm run bench -w @gradlab/grader [-- --json] [-- --quick]`: grading latency and throughput
 * for the affine exercise (all cases, hidden ones and the gradient self-check included),
 * measured side by side in the same run with the floor of the sandbox technology (create an
 * isolate, run a trivial script, dispose), with the grading-process pool the site uses, and
 * with its peer, the worker-thread pool it replaced.
 */
import fs from 'node:fs';
import os from 'node:os';
import { exerciseSources, listExercises } from '@gradlab/content';
import ivm from 'isolated-vm';
import type { GradeRequest } from '../src/grade.ts';
import { gradeSubmission } from '../src/grade.ts';
import { createGraderPool } from '../src/process-pool.ts';
import type { GradeResult } from '../src/result.ts';
import { createThreadPoolPeer } from './thread-pool-peer.ts';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const code = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
const request = { exerciseId: 'affine-layer', code, language: 'ts' as const };

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

async function latencies(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

function floor(): void {
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  const context = isolate.createContextSync();
  context.evalSync('1 + 1');
  isolate.dispose();
}

interface Row {
  case: string;
  p50Ms?: number;
  p99Ms?: number;
  perSecond?: number;
}
const rows: Row[] = [];

const n = quick ? 40 : 200;
// warm-up: builds the guest bundle and the V8 code cache, loads the exercise
for (let i = 0; i < 5; i++) {
  floor();
  const result = await gradeSubmission(request);
  if (result.score !== result.maxScore)
    throw new Error(`the reference did not get full marks: ${JSON.stringify(result)}`);
}
const floorTimes = await latencies(n, floor);
rows.push({
  case: 'floor: isolate create + trivial script + dispose',
  p50Ms: percentile(floorTimes, 50),
  p99Ms: percentile(floorTimes, 99),
});
const gradeTimes = await latencies(n, () => gradeSubmission(request));
rows.push({
  case: 'grading, in process (affine: 5 cases + self gradcheck)',
  p50Ms: percentile(gradeTimes, 50),
  p99Ms: percentile(gradeTimes, 99),
  perSecond: 1000 / (gradeTimes.reduce((a, b) => a + b, 0) / gradeTimes.length),
});

interface Pool {
  grade(request: GradeRequest): Promise<GradeResult>;
  close(): Promise<void>;
}

/** Latency one at a time, then throughput with every process busy, for one kind of pool. */
async function measurePool(kind: string, size: number, pool: Pool): Promise<void> {
  await Promise.all(Array.from({ length: size * 3 }, () => pool.grade(request)));
  const one = await latencies(quick ? 40 : 100, () => pool.grade(request));
  rows.push({
    case: `${kind} of ${size}, one at a time`,
    p50Ms: percentile(one, 50),
    p99Ms: percentile(one, 99),
  });
  const total = quick ? 40 : 200;
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: total }, () => pool.grade(request)));
  const seconds = (performance.now() - started) / 1000;
  if (results.some((r) => r.score !== r.maxScore)) throw new Error(`${kind}: a grading lost points`);
  rows.push({ case: `${kind} of ${size}, throughput`, perSecond: total / seconds });
  await pool.close();
}

for (const size of [1, 2]) {
  await measurePool('process pool', size, createGraderPool({ size }));
  await measurePool('thread pool (peer)', size, createThreadPoolPeer(size));
}

// Every exercise of the catalogue: its reference solution graded in process, all cases and the
// self-check included.
const perExercise = quick ? 10 : 40;
for (const { id } of listExercises()) {
  const reference = {
    exerciseId: id,
    code: fs.readFileSync(exerciseSources(id).solutionFile, 'utf8'),
    language: 'ts' as const,
  };
  const first = await gradeSubmission(reference);
  if (first.score !== first.maxScore) throw new Error(`${id}: the reference did not get full marks`);
  const times = await latencies(perExercise, () => gradeSubmission(reference));
  rows.push({
    case: `exercise ${id} (reference, in process)`,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  });
}

if (json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `gradlab grader benchmark (${os.availableParallelism()} cores, ${cpu}, node ${process.version})`,
  );
  console.log('| case | p50 ms | p99 ms | gradings/s |');
  console.log('|---|---|---|---|');
  const f = (v: number | undefined, d = 1) => (v === undefined ? '' : v.toFixed(d));
  for (const r of rows)
    console.log(`| ${r.case} | ${f(r.p50Ms, 2)} | ${f(r.p99Ms, 2)} | ${f(r.perSecond)} |`);
  console.log(
    '\nProcess pool: each grading in a child process under OS limits; no slower than the thread pool it replaced.',
  );
}
