import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ResetPasswordForm } from '../../../components/auth/reset-password-form.tsx';

export const metadata: Metadata = { title: 'Choose a new password' };

export default function ResetPasswordPage() {
  return (
    <>
      <h1>Choose a new password</h1>
      <Suspense>
        <ResetPasswordForm />
      </Suspense>
    </>
  );
}
