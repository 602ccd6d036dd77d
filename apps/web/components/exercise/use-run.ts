'use client';
import type { RunKit } from '@gradlab/grader/browser';
import type { Monaco } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BrowserRunner } from './browser-runner.ts';
import { errorOf } from './http.ts';
import type { ResultLike } from './result-view.tsx';
import { compileModel } from './typescript-setup.ts';

type Model = Parameters<typeof compileModel>[1];

const failed = (status: string, message: string): ResultLike => ({
  status,
  score: 0,
  maxScore: 0,
  durationMs: 0,
  message,
  tests: [],
});

/**
 * Run: the public tests in a Web Worker (stopped when it runs too long or the page goes away),
 * with the exercise's kit fetched once and ahead of the first Run.
 */
export function useRun(exerciseId: string) {
  const runnerRef = useRef<BrowserRunner | null>(null);
  const kitRef = useRef<Promise<RunKit> | null>(null);
  const [running, setRunning] = useState(false);
  const [runResult, setRunResult] = useState<ResultLike | null>(null);

  useEffect(() => {
    runnerRef.current = new BrowserRunner();
    return () => runnerRef.current?.stop();
  }, []);

  const kit = useCallback((): Promise<RunKit> => {
    kitRef.current ??= fetch(`/api/exercises/${exerciseId}/kit`).then(async (response) => {
      if (!response.ok) {
        kitRef.current = null;
        throw new Error(await errorOf(response));
      }
      return (await response.json()) as RunKit;
    });
    return kitRef.current;
  }, [exerciseId]);

  /** Starts the worker and fetches the kit, so that the first Run is fast. */
  const warm = useCallback(() => {
    runnerRef.current?.warm();
    kit().catch(() => undefined);
  }, [kit]);

  const run = useCallback(
    async (monaco: Monaco | null, model: Model | null | undefined) => {
      if (!monaco || !model || !runnerRef.current) return;
      setRunning(true);
      setRunResult(null);
      try {
        const [compiled, runKit] = await Promise.all([compileModel(monaco, model), kit()]);
        if (!compiled.ok) {
          setRunResult(failed('compile_error', compiled.message));
          return;
        }
        setRunResult(await runnerRef.current.run(runKit, compiled.js));
      } catch (error) {
        setRunResult(
          failed('error', `Run failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      } finally {
        setRunning(false);
      }
    },
    [kit],
  );

  return { running, runResult, run, warm };
}
