import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address, or it is not yours to see.</p>
      <p>
        <Link href="/">Back to the course</Link> · <Link href="/submissions">Your submissions</Link>
      </p>
    </>
  );
}
