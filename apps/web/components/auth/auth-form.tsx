'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { authClient } from '../../lib/auth-client.ts';

/** Only same-site paths may be returned to after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    const { error: failure } =
      mode === 'sign-up'
        ? await authClient.signUp.email({ email, password, name: String(form.get('name') ?? '') })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (failure) {
      setError(failure.message ?? 'that did not work, please try again');
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-describedby={error ? 'auth-error' : undefined}>
      {mode === 'sign-up' ? (
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={100} />
        </label>
      ) : null}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={8}
        />
      </label>
      {error ? (
        <p id="auth-error" className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={busy}>
          {mode === 'sign-up' ? 'Create account' : 'Sign in'}
        </button>
      </div>
      <p className="muted">
        {mode === 'sign-up' ? (
          <>
            Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
