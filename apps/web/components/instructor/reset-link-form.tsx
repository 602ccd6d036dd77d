'use client';
import { type FormEvent, useState } from 'react';

/** Instructor: issues a one-time password reset link for a student's email. */
export function ResetLinkForm() {
  const [result, setResult] = useState<
    { ok: true; url: string; who: string } | { ok: false; error: string }
  >();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    const response = await fetch('/api/instructor/password-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    }).catch(() => null);
    if (!response) {
      setResult({ ok: false, error: 'the server could not be reached' });
      return;
    }
    const body = (await response.json()) as { path?: string; name?: string; email?: string; error?: string };
    if (!response.ok || !body.path) {
      setResult({ ok: false, error: body.error ?? `HTTP ${response.status}` });
      return;
    }
    setResult({
      ok: true,
      url: new URL(body.path, window.location.origin).href,
      who: `${body.name} (${body.email})`,
    });
  }

  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Password reset link">
      <label>
        Student email
        <input name="email" type="email" required />
      </label>
      <button type="submit" className="button">
        Issue a reset link
      </button>
      {result?.ok ? (
        <p role="status" data-testid="reset-link">
          Link for {result.who}, valid for 24 hours and once: <code>{result.url}</code>
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="error-text">
          {result.error}
        </p>
      ) : null}
    </form>
  );
}
