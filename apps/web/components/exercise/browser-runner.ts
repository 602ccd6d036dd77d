'use client';
import type { RunKit } from '@gradlab/grader/browser';
import type { ResultLike } from './result-view.tsx';
import type { RunReply } from './run.worker.ts';

export const RUN_TIMEOUT_MS = 3000;

/**
 * Runs learner code in a Web Worker. One worker is kept warm between runs (the engine is
 * loaded once); a run that takes longer than the timeout terminates it (stopping an endless
 * loop) and the next run starts a fresh one.
 */
export class BrowserRunner {
  private worker: Worker | null = null;

  private spawn(): Worker {
    this.worker ??= new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }

  /** Starts the worker ahead of the first run. */
  warm(): void {
    this.spawn();
  }

  run(kit: RunKit, js: string, timeoutMs = RUN_TIMEOUT_MS): Promise<ResultLike> {
    const worker = this.spawn();
    return new Promise((resolve) => {
      const started = performance.now();
      const finish = (result: ResultLike) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        resolve(result);
      };
      const failure = (status: string, message: string): ResultLike => ({
        status,
        score: 0,
        maxScore: kit.cases.reduce((sum, c) => sum + c.points, 0),
        durationMs: performance.now() - started,
        message,
        tests: [],
      });
      const timer = setTimeout(() => {
        this.stop();
        finish(
          failure(
            'timeout',
            `Stopped after ${timeoutMs / 1000} s: your code is still running (an endless loop?). Check your loops and run again.`,
          ),
        );
      }, timeoutMs);
      worker.onmessage = (event: MessageEvent<RunReply>) => {
        finish(event.data.ok ? event.data.result : failure('runtime_error', event.data.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.stop();
        finish(failure('runtime_error', event.message || 'the run failed'));
      };
      worker.postMessage({ kit, js });
    });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
