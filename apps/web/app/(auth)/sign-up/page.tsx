import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuthForm } from '../../../components/auth/auth-form.tsx';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <>
      <h1>Create an account</h1>
      <p className="muted">Accounts are student accounts; an instructor can be made by the course's staff.</p>
      <Suspense>
        <AuthForm mode="sign-up" />
      </Suspense>
    </>
  );
}
