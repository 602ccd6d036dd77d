'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { authClient } from '../../lib/auth-client.ts';
import { MIN_PASSWORD_LENGTH } from './auth-form.tsx';

/** The page of an instructor-issued reset link: a new password for the token in `?token=`. */
export function ResetPasswordForm() {
  const token = useSearchParams().get('token') ?? '';
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get('password') ?? '');
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      setError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.resetPassword({ newPassword, token });
    setBusy(false);
    if (failure) {
      setError(
        failure.code === 'INVALID_TOKEN'
          ? 'This reset link is not valid any more (it was used or it expired). Ask your instructor for a new one.'
          : (failure.message ?? 'that did not work, please try again'),
      );
      return;
    }
    setDone(true);
  }

  if (!token) {
    return <p>This page needs the reset link your instructor gave you.</p>;
  }
  if (done) {
    return (
      <p role="status">
        Your password is changed. <Link href="/sign-in">Sign in</Link> with the new one.
      </p>
    );
  }
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={error ? 'reset-error' : undefined}
    >
      <label>
        New password
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="password-rule"
        />
      </label>
      <p id="password-rule" className="muted">
        At least {MIN_PASSWORD_LENGTH} characters.
      </p>
      {error ? (
        <p id="reset-error" className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={busy}>
          Set the new password
        </button>
      </div>
    </form>
  );
}
