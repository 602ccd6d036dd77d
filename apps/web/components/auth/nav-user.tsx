'use client';
import Link from 'next/link';
import { authClient } from '../../lib/auth-client.ts';
import { SignOutButton } from './sign-out-button.tsx';

/**
 * The signed-in part of the navigation, rendered in the browser so that the layout stays
 * static (lectures are prerendered). Pages and API routes check the session on the server.
 */
export function NavUser() {
  const { data, isPending } = authClient.useSession();
  if (isPending) return <span className="nav-user" aria-hidden="true" />;
  if (!data) {
    return (
      <>
        <Link href="/sign-in">Sign in</Link>
        <Link href="/sign-up">Sign up</Link>
      </>
    );
  }
  const role = (data.user as { role?: unknown }).role;
  return (
    <>
      <Link href="/questions">Practice</Link>
      <Link href="/assessments">Mock exams</Link>
      <Link href="/lab">Lab</Link>
      <Link href="/classes">Classes</Link>
      <Link href="/submissions">Your submissions</Link>
      {role === 'instructor' ? <Link href="/instructor">Instructor</Link> : null}
      <span className="nav-user" data-testid="nav-user">
        {data.user.name}
        {role === 'instructor' ? ' (instructor)' : ''}
      </span>
      <SignOutButton />
    </>
  );
}
