import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuthForm } from '../../../components/auth/auth-form.tsx';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <Suspense>
        <AuthForm mode="sign-in" />
      </Suspense>
    </>
  );
}
