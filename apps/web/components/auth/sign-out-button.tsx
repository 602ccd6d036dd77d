'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '../../lib/auth-client.ts';
import { flushDrafts } from '../../lib/draft-flush.ts';

export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // Code typed a moment ago is saved while the session still exists.
        const saved = await flushDrafts();
        if (!saved && !window.confirm('Your latest code could not be saved as a draft. Sign out anyway?')) {
          setBusy(false);
          return;
        }
        await authClient.signOut();
        router.push('/');
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
