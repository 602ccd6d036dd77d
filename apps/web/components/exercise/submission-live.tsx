'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { statusText } from '../../lib/status-text.ts';

/** While a submission is queued or running, refreshes the page until it is graded. */
export function SubmissionLive({ id, status }: { id: string; status: string }) {
  const router = useRouter();
  useEffect(() => {
    if (status !== 'queued' && status !== 'running') return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/submissions/${id}`);
      if (!response.ok) return;
      const view = (await response.json()) as { status: string };
      if (view.status !== status) router.refresh();
    }, 500);
    return () => clearInterval(timer);
  }, [id, status, router]);
  return (
    <p role="status" data-testid="submission-status">
      Status: <strong>{statusText(status)}</strong>
    </p>
  );
}
