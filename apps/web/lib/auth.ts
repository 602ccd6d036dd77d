import 'server-only';
import { hashPassword, verifyPassword } from '@gradlab/prisma';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from './db.ts';

function authSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production' && process.env.GRADLAB_REQUIRE_SECRET === '1') {
    throw new Error('BETTER_AUTH_SECRET must be set');
  }
  // The embedded set-up (npm start on a laptop): a fixed local secret. Set BETTER_AUTH_SECRET
  // whenever the site is reachable by others.
  return 'gradlab-local-development-secret-change-me-0123456789';
}

/**
 * better-auth with email + password. Passwords are hashed with scrypt by @gradlab/prisma's
 * `hashPassword` (the seed uses the same function), sessions are database rows whose token
 * travels in an HTTP-only cookie, and `role` is a user field that sign-up cannot set.
 */
export const auth = betterAuth({
  secret: authSecret(),
  database: prismaAdapter(db(), { provider: 'sqlite' }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
    autoSignIn: true,
    password: {
      hash: hashPassword,
      verify: ({ hash, password }) => verifyPassword(password, hash),
    },
  },
  user: {
    additionalFields: {
      role: { type: 'string', required: false, defaultValue: 'student', input: false },
    },
  },
  session: { cookieCache: { enabled: false } },
  // Per client IP, in memory. Sign-in and sign-up get their own budget: enough for a class
  // behind one address (and for the browser tests), little for password guessing.
  rateLimit: {
    enabled: true,
    window: 60,
    max: 300,
    customRules: {
      '/sign-in/email': { window: 60, max: 30 },
      '/sign-up/email': { window: 60, max: 30 },
    },
  },
  advanced: {
    cookiePrefix: 'gradlab',
    // Secure (HTTPS-only) cookies when the site's URL is https; the embedded set-up serves
    // http://localhost. The session cookie is HTTP-only and SameSite=Lax either way.
    useSecureCookies: (process.env.BETTER_AUTH_URL ?? '').startsWith('https:'),
  },
  plugins: [nextCookies()],
});
