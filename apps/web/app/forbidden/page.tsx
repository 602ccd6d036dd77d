import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <>
      <h1>Not allowed</h1>
      <p>This page is for instructors. Your account is a student account.</p>
      <p>
        <Link href="/">Back to the course</Link>
      </p>
    </>
  );
}
