/**
 * Grading in child processes. Each process grades one submission at a time (each grading in
 * its own isolate) under OS limits of its own:
 *
 * - memory: the process runs under `prlimit --data` (RLIMIT_DATA, which counts every writable
 *   private mapping: heap, array buffers, isolates), so no learner program can take the host
 *   beyond that cap, whatever V8 or isolated-vm fail to count;
 * - time: the pool kills a process whose grading runs past the grading's time budget plus a
 *   grace period (a native loop that ignores V8's termination, a host stuck reading an output);
 * - fitness: after every grading the process reports its resident memory and whether it is
 *   poisoned (isolated-vm lost control of an isolate); such a process is replaced once its
 *   result is delivered, as is a process that has graded `maxGradingsPerProcess` submissions or
 *   grown past `recycleRssMb`.
 *
 * Whatever happens to a process, the grading it held ends with a result (`timeout`,
 * `memory_limit` or `runtime_error`, with a message for the learner) and the pool keeps going
 * with a fresh process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentRoot } from '@gradlab/content';
import type { CheckReport } from './check.ts';
import { failedGrading, type GradeRequest } from './grade.ts';
import type { ProcessHealth, ToChild, ToParent } from './grading-protocol.ts';
import type { GradeResult } from './result.ts';
import { resolveLimits } from './sandbox/limits.ts';
import type { FailureStatus } from './sandbox/types.ts';
import type { ProbeRequest, ProbeResult } from './sandbox-probe.ts';

export interface PoolOptions {
  /** grading processes; default one per core */
  size?: number;
  /** the process's entry script (grader/bin/grading-process.mjs); found from the repository when omitted */
  processFile?: string;
  /** each process's data-segment cap in MB (RLIMIT_DATA); default GRADLAB_GRADER_MEMORY_MB or 1024 */
  memoryCapMb?: number;
  /** gradings after which a process is replaced; default 500 */
  maxGradingsPerProcess?: number;
  /** resident memory after which a process is replaced; default 640 MB */
  recycleRssMb?: number;
  /** time a grading may run beyond its sandbox time budget before its process is killed; default 10 s */
  graceMs?: number;
  /** time a `check` job may run before its process is killed; default 180 s */
  checkTimeMs?: number;
}

export interface PoolStats {
  /** processes started since the pool was created (the first `size` included) */
  started: number;
  /** processes replaced, by reason */
  replaced: { poisoned: number; recycled: number; killed: number; crashed: number };
  /** resident memory of each live process, as last reported */
  rssBytes: number[];
  /** whether processes run under an OS memory cap (prlimit found) */
  memoryCapped: boolean;
}

export interface GraderPool {
  /** Queues a grading; resolves with its result, whatever the submitted program does. */
  grade(request: GradeRequest): Promise<GradeResult>;
  /** Runs one sandbox call in a grading process (the hostile corpus uses it). */
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /**
   * Runs `gradlab check` on one exercise folder in a grading process (the instructor's exercise
   * page shows it); rejects when the process dies or the check runs past `checkTimeMs`.
   */
  check(exerciseId: string): Promise<CheckReport>;
  /** jobs waiting for a process */
  readonly queued: number;
  readonly size: number;
  stats(): PoolStats;
  /** Stops every process; jobs still queued are rejected. */
  close(): Promise<void>;
}

type Job =
  | { kind: 'grade'; request: GradeRequest; resolve: (r: GradeResult) => void; reject: (e: Error) => void }
  | { kind: 'probe'; request: ProbeRequest; resolve: (r: ProbeResult) => void; reject: (e: Error) => void }
  | {
      kind: 'check';
      request: { exerciseId: string; limits?: undefined };
      resolve: (r: CheckReport) => void;
      reject: (e: Error) => void;
    };

/**
 * The entry script: `GRADLAB_GRADER_PROCESS`, else `grader/bin/grading-process.mjs` found walking
 * up from the current directory (this module may itself be bundled into a server, so it does not
 * rely on its own location).
 */
export function defaultProcessFile(): string {
  const configured = process.env.GRADLAB_GRADER_PROCESS;
  if (configured) return path.resolve(configured);
  let dir = process.cwd();
  for (;;) {
    for (const candidate of [
      path.join(dir, 'grader', 'bin', 'grading-process.mjs'),
      path.join(dir, 'bin', 'grading-process.mjs'),
    ]) {
      if (fs.existsSync(candidate) && candidate.includes(`grader${path.sep}bin`)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `grading process not found: no grader/bin/grading-process.mjs above ${process.cwd()} (set GRADLAB_GRADER_PROCESS)`,
      );
    }
    dir = parent;
  }
}

/** `prlimit` from util-linux, when this is Linux and it is installed. */
function findPrlimit(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir, 'prlimit');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

const STDERR_TAIL = 4096;

/**
 * The content folder the parent found, handed to its grading processes (they start in the same
 * directory and would find the same one): without it, every grading's check of whether its
 * exercise changed looks for the folder again, a walk up the directories per file.
 */
function contentDirEnv(): { GRADLAB_CONTENT_DIR?: string } {
  if (process.env.GRADLAB_CONTENT_DIR) return {};
  try {
    return { GRADLAB_CONTENT_DIR: contentRoot() };
  } catch {
    return {};
  }
}

/** How a process that died with a job is reported to the learner. */
function crashVerdict(
  stderr: string,
  code: number | null,
  signal: NodeJS.Signals | null,
  capMb: number,
): { status: FailureStatus; message: string } {
  if (/out of memory|heap limit|allocation failed|cannot allocate/i.test(stderr))
    return {
      status: 'memory_limit',
      message: `memory limit exceeded: the grading process ran out of memory (its cap is ${capMb} MB)`,
    };
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  return {
    status: 'runtime_error',
    message: `your program made the grading process stop (${how}); the grader recovered, but this submission could not be graded`,
  };
}

class GradingProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<boolean>;
  health: ProcessHealth = { rssBytes: 0 };
  gradings = 0;
  job: Job | undefined;
  exited = false;
  private stderr = '';
  private nextId = 1;
  private deadline: NodeJS.Timeout | undefined;
  private killedForDeadline = false;

  constructor(
    command: string,
    args: string[],
    private readonly onExit: (process: GradingProcess, duringJob: boolean) => void,
  ) {
    this.child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
      // esbuild's synchronous API (exercise files) uses a worker thread and Atomics, which the
      // sandbox's V8 flags remove from threads started after them.
      env: { ...process.env, ...contentDirEnv(), ESBUILD_WORKER_THREADS: '0' },
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      process.stderr.write(chunk);
      this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL);
    });
    this.ready = new Promise<boolean>((resolve) => {
      this.child.once('message', (message: ToParent) => {
        if (message.type === 'ready') this.health = message.health;
        resolve(message.type === 'ready');
      });
      this.child.once('exit', () => resolve(false));
    });
    this.child.on('exit', (code, signal) => this.exitedWith(code, signal));
    this.child.on('error', () => this.exitedWith(null, null));
  }

  /** Sends a job; the answer (or the process's death) settles it. */
  run(job: Job, deadlineMs: number, capMb: number): void {
    this.job = job;
    this.gradings += 1;
    const id = this.nextId++;
    const message: ToChild =
      job.kind === 'grade'
        ? { type: 'grade', id, request: job.request }
        : job.kind === 'probe'
          ? { type: 'probe', id, probe: job.request }
          : { type: 'check', id, exerciseId: job.request.exerciseId };
    const onAnswer = (answer: ToParent) => {
      if (answer.type === 'ready' || answer.id !== id) return;
      this.child.off('message', onAnswer);
      clearTimeout(this.deadline);
      this.health = answer.health;
      const settled = this.job;
      this.job = undefined;
      if (!settled) return;
      if (answer.type === 'failed') settled.reject(new Error(`grading failed: ${answer.error}`));
      else if (answer.kind === 'grade' && settled.kind === 'grade') settled.resolve(answer.result);
      else if (answer.kind === 'probe' && settled.kind === 'probe') settled.resolve(answer.result);
      else if (answer.kind === 'check' && settled.kind === 'check') settled.resolve(answer.result);
    };
    this.child.on('message', onAnswer);
    this.deadline = setTimeout(() => {
      this.killedForDeadline = true;
      this.child.kill('SIGKILL');
    }, deadlineMs);
    this.capMb = capMb;
    this.deadlineMs = deadlineMs;
    this.child.send(message);
  }

  private capMb = 0;
  private deadlineMs = 0;

  get killed(): boolean {
    return this.killedForDeadline;
  }

  private exitedWith(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return;
    this.exited = true;
    clearTimeout(this.deadline);
    const job = this.job;
    this.job = undefined;
    if (job) {
      const verdict = this.killedForDeadline
        ? {
            status: 'timeout' as const,
            message: `time limit exceeded: the grading did not finish within ${Math.round(this.deadlineMs / 1000)} s and was stopped`,
          }
        : crashVerdict(this.stderr, code, signal, this.capMb);
      if (job.kind === 'grade') job.resolve(failedGrading(job.request, verdict.status, verdict.message));
      else if (job.kind === 'probe') job.resolve(verdict);
      else job.reject(new Error(`gradlab check did not finish: ${verdict.message}`));
    }
    this.onExit(this, job !== undefined);
  }

  /** Rejects the job in progress (the pool is closing) so that its process's end does not grade it. */
  abandonJob(error: Error): void {
    const job = this.job;
    this.job = undefined;
    job?.reject(error);
  }

  /** Kills the process and waits for its exit (at most 5 s: a zombie is the kernel's business). */
  async stopAndWait(): Promise<void> {
    if (this.exited || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exit = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.stop();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exit, new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
  }

  stop(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.exited) this.child.kill(signal);
  }
}

export function createGraderPool(options: PoolOptions = {}): GraderPool {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const processFile = options.processFile ?? defaultProcessFile();
  const capMb = options.memoryCapMb ?? Number(process.env.GRADLAB_GRADER_MEMORY_MB ?? 1024);
  const maxGradings = options.maxGradingsPerProcess ?? 500;
  const recycleRss = (options.recycleRssMb ?? 640) * 2 ** 20;
  const graceMs = options.graceMs ?? 10_000;
  const checkTimeMs = options.checkTimeMs ?? 180_000;
  const prlimit = findPrlimit();
  const nodeArgs = ['--no-node-snapshot', processFile];
  const [command, args] = prlimit
    ? [prlimit, [`--data=${Math.round(capMb * 2 ** 20)}`, '--', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];

  const queue: Job[] = [];
  const slots: (GradingProcess | undefined)[] = Array.from({ length: size });
  const stats: PoolStats = {
    started: 0,
    replaced: { poisoned: 0, recycled: 0, killed: 0, crashed: 0 },
    rssBytes: [],
    memoryCapped: prlimit !== undefined,
  };
  let closed = false;

  const start = (slot: number): GradingProcess => {
    stats.started += 1;
    const grading = new GradingProcess(command, args, (gone, duringJob) => {
      const retired = retiring.delete(gone);
      if (slots[slot] !== gone) return;
      slots[slot] = undefined;
      if (closed) return;
      if (duringJob && gone.killed) stats.replaced.killed += 1;
      else if (duringJob || !retired) stats.replaced.crashed += 1;
      slots[slot] = start(slot);
      pump();
    });
    void grading.ready.then(() => pump());
    return grading;
  };
  const retiring = new Set<GradingProcess>();

  /** Replaces a process after its job, when it must go; true when it was retired. */
  const retireIfUnfit = (slot: number, grading: GradingProcess): boolean => {
    const reason = grading.health.poisoned
      ? 'poisoned'
      : grading.gradings >= maxGradings || grading.health.rssBytes > recycleRss
        ? 'recycled'
        : undefined;
    if (!reason) return false;
    stats.replaced[reason] += 1;
    retiring.add(grading);
    slots[slot] = start(slot);
    grading.stop();
    return true;
  };

  const dispatch = (slot: number, grading: GradingProcess, job: Job): void => {
    const deadlineMs =
      job.kind === 'check' ? checkTimeMs : resolveLimits(job.request.limits).totalTimeMs + graceMs;
    const settle = () => {
      if (!grading.exited && slots[slot] === grading) retireIfUnfit(slot, grading);
      pump();
    };
    const wrapped = {
      ...job,
      resolve: (value: never) => {
        (job.resolve as (v: unknown) => void)(value);
        queueMicrotask(settle);
      },
      reject: (error: Error) => {
        job.reject(error);
        queueMicrotask(settle);
      },
    } as Job;
    grading.run(wrapped, deadlineMs, capMb);
  };

  const pump = (): void => {
    if (closed) return;
    for (let slot = 0; slot < size && queue.length > 0; slot++) {
      const grading = slots[slot];
      if (!grading || grading.exited || grading.job) continue;
      void grading.ready.then((ready) => {
        if (!ready || grading.job || slots[slot] !== grading || closed) return;
        const job = queue.shift();
        if (job) dispatch(slot, grading, job);
      });
    }
  };

  for (let slot = 0; slot < size; slot++) slots[slot] = start(slot);

  const enqueue = (job: Job) => {
    if (closed) {
      job.reject(new Error('the grader pool is closed'));
      return;
    }
    queue.push(job);
    pump();
  };

  return {
    grade: (request) =>
      new Promise<GradeResult>((resolve, reject) => enqueue({ kind: 'grade', request, resolve, reject })),
    probe: (request) =>
      new Promise<ProbeResult>((resolve, reject) => enqueue({ kind: 'probe', request, resolve, reject })),
    check: (exerciseId) =>
      new Promise<CheckReport>((resolve, reject) =>
        enqueue({ kind: 'check', request: { exerciseId }, resolve, reject }),
      ),
    get queued() {
      return queue.length;
    },
    size,
    stats: () => ({
      ...stats,
      replaced: { ...stats.replaced },
      rssBytes: slots.flatMap((s) => (s && !s.exited ? [s.health.rssBytes] : [])),
    }),
    close: async () => {
      closed = true;
      const closedError = () => new Error('the grader pool is closed');
      for (const job of queue.splice(0)) job.reject(closedError());
      const live = [...slots, ...retiring].filter((s): s is GradingProcess => s !== undefined && !s.exited);
      for (const s of live) s.abandonJob(closedError());
      await Promise.all(live.map((s) => s.stopAndWait()));
    },
  };
}
