import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth.ts';

export type Role = 'student' | 'instructor';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in user of the current request, or null. */
export async function currentUser(requestHeaders?: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: requestHeaders ?? (await headers()) });
  if (!session) return null;
  const { id, name, email } = session.user;
  const role: Role = (session.user as { role?: unknown }).role === 'instructor' ? 'instructor' : 'student';
  return { id, name, email, role };
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For instructor pages: guests sign in first, students are sent to the "forbidden" page. */
export async function requireInstructor(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'instructor') redirect('/forbidden');
  return user;
}
