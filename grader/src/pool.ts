import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { GradeRequest } from './grade.ts';
import type { GradeResult } from './result.ts';

export interface GraderPool {
  /** Queues a grading; resolves when a worker has graded it. */
  grade(request: GradeRequest): Promise<GradeResult>;
  /** gradings waiting for a worker */
  readonly queued: number;
  readonly size: number;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** worker threads; default one per core */
  size?: number;
  /** the worker script (grader/bin/worker.mjs); found from the repository when omitted */
  workerFile?: string;
}

/**
 * The worker script: `GRADLAB_GRADER_WORKER`, else `grader/bin/worker.mjs` found walking up
 * from the current directory (this module may itself be bundled into a server, so it does not
 * rely on its own location).
 */
export function defaultWorkerFile(): string {
  const configured = process.env.GRADLAB_GRADER_WORKER;
  if (configured) return path.resolve(configured);
  let dir = process.cwd();
  for (;;) {
    for (const candidate of [
      path.join(dir, 'grader', 'bin', 'worker.mjs'),
      path.join(dir, 'bin', 'worker.mjs'),
    ]) {
      if (fs.existsSync(candidate) && candidate.includes(`grader${path.sep}bin`)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `grader worker not found: no grader/bin/worker.mjs above ${process.cwd()} (set GRADLAB_GRADER_WORKER)`,
      );
    }
    dir = parent;
  }
}

/**
 * A pool of grader worker threads (piscina) with an in-process queue: each worker grades one
 * submission at a time, each grading in its own fresh isolate. A worker that dies is replaced;
 * its grading fails with an error instead of hanging.
 */
export function createGraderPool(options: PoolOptions = {}): GraderPool {
  const size = options.size ?? Math.max(1, os.availableParallelism());
  const piscina = new Piscina<GradeRequest, GradeResult>({
    filename: options.workerFile ?? defaultWorkerFile(),
    minThreads: size,
    maxThreads: size,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
    execArgv: [...process.execArgv.filter((a) => a !== '--no-node-snapshot')],
  });
  return {
    grade: (request) => piscina.run(request),
    get queued() {
      return piscina.queueSize;
    },
    size,
    close: () => piscina.destroy(),
  };
}
