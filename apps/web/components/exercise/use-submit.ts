'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { statusText } from '../../lib/status-text.ts';
import { errorOf } from './http.ts';
import type { ResultLike } from './result-view.tsx';

export interface HistoryItem {
  id: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  createdAt: string;
}

const POLL_MS = 250;
/** Waits before the tries of a submit whose answer did not come (the same Idempotency-Key each time). */
const RETRY_MS = [1_000, 3_000];

/**
 * POSTs the submission, trying again when the server could not be reached or was restarting
 * (502/503/504). One Idempotency-Key per click: a try whose answer was lost after the server
 * stored it gets that submission back, never a second one. Null: no answer after every try.
 */
async function postSubmission(body: string, signal: AbortSignal | undefined): Promise<Response | null> {
  // getRandomValues, not randomUUID: the site may be served over plain http (no secure context)
  const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  for (let attempt = 0; ; attempt++) {
    const response = await fetch('/api/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
      signal,
    }).catch(() => null);
    const unanswered = !response || [502, 503, 504].includes(response.status);
    const wait = RETRY_MS[attempt];
    if (!unanswered || wait === undefined || signal?.aborted) return response;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Submit: stores the code, then follows the submission's status (queued, running, its result)
 * until it is graded. The polling stops when the page goes away.
 */
export function useSubmit(exerciseId: string, initialHistory: HistoryItem[]) {
  const [submitState, setSubmitState] = useState<string | null>(null);
  const [submitResult, setSubmitResult] = useState<{ id: string; result: ResultLike | null } | null>(null);
  const [history, setHistory] = useState<HistoryItem[]>(initialHistory);
  const stopped = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    stopped.current = controller;
    return () => controller.abort();
  }, []);

  const submit = useCallback(
    async (code: string) => {
      const signal = stopped.current?.signal;
      setSubmitResult(null);
      setSubmitState('sending');
      const response = await postSubmission(JSON.stringify({ exerciseId, code, language: 'ts' }), signal);
      if (!response) {
        if (!signal?.aborted) setSubmitState('not submitted: the server could not be reached');
        return;
      }
      if (!response.ok) {
        setSubmitState(`not submitted: ${await errorOf(response)}`);
        return;
      }
      const created = (await response.json()) as HistoryItem;
      setHistory((items) => [created, ...items.filter((item) => item.id !== created.id)]);
      let current = created.status;
      setSubmitState(statusText(current));
      while (!signal?.aborted) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (signal?.aborted) return;
        const poll = await fetch(`/api/submissions/${created.id}`, { signal }).catch(() => null);
        if (!poll) return;
        if (!poll.ok) {
          setSubmitState(`could not read the result: ${await errorOf(poll)}`);
          return;
        }
        const view = (await poll.json()) as HistoryItem & { result: ResultLike | null };
        if (view.status !== current) {
          current = view.status;
          setSubmitState(statusText(current));
        }
        if (view.status !== 'queued' && view.status !== 'running') {
          setSubmitResult({ id: created.id, result: view.result });
          setHistory((items) => items.map((item) => (item.id === view.id ? view : item)));
          return;
        }
      }
    },
    [exerciseId],
  );

  const busy =
    submitState === 'sending' ||
    submitState === statusText('queued') ||
    submitState === statusText('running');
  return { submitState, submitResult, history, submit, busy };
}
