import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AttemptWork } from '../../../components/assessments/attempt-work.tsx';
import { HttpError } from '../../../lib/api.ts';
import { type AttemptView, attemptView } from '../../../lib/attempts.ts';
import { requireUser } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Attempt' };
export const dynamic = 'force-dynamic';

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/attempts/${id}`);
  let view: AttemptView;
  try {
    view = await attemptView(id, user.id);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
  return <AttemptWork key={view.status} view={view} />;
}
