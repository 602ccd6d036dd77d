'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { authClient } from '../../lib/auth-client.ts';
import { safeNext } from '../../lib/safe-next.ts';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../../lib/text-limits.ts';

export const MIN_PASSWORD_LENGTH = 8;

/** The site's origin: the page's own in the browser (the server render only needs any origin). */
function siteOrigin(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const params = useSearchParams();
  const requested = params.get('next');
  const next = safeNext(requested, siteOrigin());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    if (mode === 'sign-up' && password.length < MIN_PASSWORD_LENGTH) {
      setError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
      return;
    }
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
    // Checked again against the page's real origin right before leaving it.
    router.push(safeNext(requested, window.location.origin));
    router.refresh();
  }

  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate={mode === 'sign-up'}
      aria-describedby={error ? 'auth-error' : undefined}
    >
      {requested && next !== '/' ? (
        <p className="notice" role="status" data-testid="sign-in-reason">
          {mode === 'sign-in' ? 'Sign in' : 'Create an account'} to continue: the page you opened (
          <code>{next}</code>) needs an account.
        </p>
      ) : null}
      {mode === 'sign-up' ? (
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={MAX_NAME_LENGTH} />
        </label>
      ) : null}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required maxLength={MAX_EMAIL_LENGTH} />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'sign-up' ? MIN_PASSWORD_LENGTH : undefined}
          aria-describedby={mode === 'sign-up' ? 'password-rule' : undefined}
        />
      </label>
      {mode === 'sign-up' ? (
        <p id="password-rule" className="muted" data-testid="password-rule">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
      ) : null}
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
            New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>.
            Forgot your password? Ask your instructor for a reset link.
          </>
        )}
      </p>
    </form>
  );
}
