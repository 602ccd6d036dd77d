/**
 * The peer the process pool is measured against: the worker-thread pool (piscina) the grader
 * used before gradings moved to child processes, rebuilt here for the benchmark only. Threads
 * share one process, so they cannot have OS limits of their own; that is why it was replaced.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { GradeRequest } from '../src/grade.ts';
import type { GradeResult } from '../src/result.ts';

export function createThreadPoolPeer(size: number) {
  const piscina = new Piscina<GradeRequest, GradeResult>({
    filename: fileURLToPath(new URL('./thread-worker.mjs', import.meta.url)),
    minThreads: size,
    maxThreads: size,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return { grade: (request: GradeRequest) => piscina.run(request), close: () => piscina.destroy() };
}
