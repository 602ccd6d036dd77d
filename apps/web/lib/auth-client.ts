'use client';
import { createAuthClient } from 'better-auth/react';

/** better-auth's browser client: sign-up, sign-in and sign-out against /api/auth. */
export const authClient = createAuthClient();
