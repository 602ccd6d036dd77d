import 'katex/dist/katex.min.css';
import './globals.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: { default: 'gradlab', template: '%s · gradlab' },
  description: 'Learn deep learning by implementing it.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site">
          <nav aria-label="Main">
            <Link href="/" className="brand">
              gradlab
            </Link>
            <Link href="/">Course</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
