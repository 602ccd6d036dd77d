import { normalizeJoinCode } from '@gradlab/prisma';
import type { Metadata } from 'next';
import { JoinClassForm } from '../../../components/classes/class-forms.tsx';
import { db } from '../../../lib/db.ts';
import { requireUser } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Join a class' };

/** A class's join link: signs in first, then asks before joining (a GET never enrolls anyone). */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireUser(`/join/${encodeURIComponent(code)}`);
  const joinCode = normalizeJoinCode(decodeURIComponent(code));
  const found = await db().courseClass.findUnique({
    where: { joinCode },
    select: { name: true, joinOpen: true },
  });
  return (
    <>
      <h1>Join a class</h1>
      {found ? (
        <p>
          You were invited to <strong>{found.name}</strong>.
          {found.joinOpen ? '' : ' It is closed to new students at the moment: ask its instructor.'}
        </p>
      ) : (
        <p className="error-text">
          No class has the join code {joinCode}. Check the link, or type the code below.
        </p>
      )}
      <JoinClassForm initialCode={found ? joinCode : ''} />
    </>
  );
}
