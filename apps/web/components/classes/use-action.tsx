'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorOf } from '../exercise/http.ts';

export type ActionState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/**
 * Sends a JSON request for a class page's form and refreshes the page's server data when it
 * succeeds. `describe` turns the answer into the sentence shown to the user.
 */
export function useAction() {
  const router = useRouter();
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  async function send<T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body: unknown,
    describe: (answer: T) => string = () => 'Saved.',
  ): Promise<T | null> {
    setState({ kind: 'busy' });
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response) {
      setState({ kind: 'error', message: 'the server could not be reached' });
      return null;
    }
    if (!response.ok) {
      setState({ kind: 'error', message: await errorOf(response) });
      return null;
    }
    const answer = (response.status === 204 ? null : await response.json()) as T;
    setState({ kind: 'done', message: describe(answer) });
    router.refresh();
    return answer;
  }
  return { state, send };
}

/** The outcome line under a form: a status for success, an alert for an error. */
export function ActionMessage({ state, testId }: { state: ActionState; testId?: string }) {
  if (state.kind === 'done')
    return (
      <p role="status" className="ok-text" data-testid={testId}>
        {state.message}
      </p>
    );
  if (state.kind === 'error')
    return (
      <p role="alert" className="error-text" data-testid={testId}>
        {state.message}
      </p>
    );
  return null;
}
