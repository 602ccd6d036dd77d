import 'katex/dist/katex.min.css';
import './globals.css';
import './site.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavUser } from '../components/auth/nav-user.tsx';

export const metadata: Metadata = {
  title: { default: 'gradlab', template: '%s · gradlab' },
  description: 'Learn deep learning by implementing it.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site">
          <nav aria-label="Main">
            <Link href="/" className="brand">
              gradlab
            </Link>
            <Link href="/">Course</Link>
            <span className="nav-spacer" />
            <NavUser />
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
