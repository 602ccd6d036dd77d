import 'server-only';
import path from 'node:path';
import {
  acceptInvites,
  databaseUrl,
  defaultDatabaseFile,
  hashPassword,
  isPostgresUrl,
  sqliteFile,
  verifyPassword,
} from '@gradlab/prisma';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { resolveAuthSecret } from './auth-secret.ts';
import { db } from './db.ts';
import { siteOrigins } from './origins.ts';
import { limiterStore } from './rate-limit.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { emailSchema, isWellFormed, nameSchema } from './text-limits.ts';

/** The data folder: GRADLAB_DATA_DIR, else the SQLite database's folder (`data/` by default). */
function dataDir(): string {
  if (process.env.GRADLAB_DATA_DIR) return process.env.GRADLAB_DATA_DIR;
  return path.dirname(path.resolve(sqliteFile(databaseUrl()) ?? defaultDatabaseFile));
}

/** Sign-in and sign-up attempts per client address and minute (GRADLAB_AUTH_RATE_LIMIT, default 30). */
const authAttemptsPerMinute = Number(process.env.GRADLAB_AUTH_RATE_LIMIT ?? 30);

/** Per-account backoff on wrong passwords (the per-address limit is `rateLimit` below). */
const signInThrottle = createSignInThrottle();

function bodyField(body: unknown, field: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
}

/** Sign-up and profile updates: bounded, well-formed names and emails (400 otherwise). */
function checkProfileInput(body: unknown): void {
  for (const field of ['name', 'email', 'password']) {
    const value = bodyField(body, field);
    if (typeof value === 'string' && !isWellFormed(value)) {
      throw new APIError('BAD_REQUEST', { message: `${field} contains malformed Unicode` });
    }
  }
  const name = bodyField(body, 'name');
  if (name !== undefined) {
    const parsed = nameSchema.safeParse(name);
    if (!parsed.success) throw new APIError('BAD_REQUEST', { message: parsed.error.issues[0]?.message });
  }
  const email = bodyField(body, 'email');
  if (email !== undefined) {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) throw new APIError('BAD_REQUEST', { message: parsed.error.issues[0]?.message });
  }
}

/**
 * better-auth with email + password. Passwords are hashed with scrypt by @gradlab/prisma's
 * `hashPassword` (the seed uses the same function), sessions are database rows whose token
 * travels in an HTTP-only cookie, and `role` is a user field that sign-up cannot set.
 */
export const auth = betterAuth({
  secret: resolveAuthSecret(process.env, dataDir()),
  database: prismaAdapter(db(), { provider: isPostgresUrl(databaseUrl()) ? 'postgresql' : 'sqlite' }),
  // The site's own origins (localhost and 127.0.0.1 on the port it serves, BETTER_AUTH_URL,
  // GRADLAB_TRUSTED_ORIGINS): sign-in from any other origin is refused.
  trustedOrigins: siteOrigins(),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
    autoSignIn: true,
    // Reset links are issued by an instructor (no mail server in the embedded set-up).
    resetPasswordTokenExpiresIn: 24 * 60 * 60,
    revokeSessionsOnPasswordReset: true,
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
  // Someone invited to a class before they had an account joins it when they sign up.
  databaseHooks: {
    user: {
      create: {
        after: async (user) => {
          await acceptInvites(db(), { id: user.id, email: user.email });
        },
      },
    },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path === '/sign-up/email' || ctx.path === '/update-user') checkProfileInput(ctx.body);
      if (ctx.path === '/sign-in/email') {
        const email = bodyField(ctx.body, 'email');
        if (typeof email === 'string') {
          const allowed = await signInThrottle.check(email);
          if (!allowed.ok) {
            throw new APIError(
              'TOO_MANY_REQUESTS',
              {
                message: `Too many wrong passwords for this account: try again in ${allowed.retryAfterS} s`,
              },
              { 'retry-after': String(allowed.retryAfterS) },
            );
          }
        }
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== '/sign-in/email') return;
      const email = bodyField(ctx.body, 'email');
      if (typeof email !== 'string') return;
      const returned = ctx.context.returned;
      if (isAPIError(returned)) {
        if (returned.statusCode === 401) await signInThrottle.failure(email);
      } else {
        await signInThrottle.success(email);
      }
    }),
  },
  // Per client address: in the database on PostgreSQL (the `RateLimit` rows, which every web
  // process counts in), in memory with SQLite. The address is the connection's (server.mjs puts it in
  // X-Forwarded-For, replacing whatever the client sent, unless a trusted proxy set it).
  // Sign-in and sign-up get their own budget: enough for a class behind one address (and for
  // the browser tests), little for password guessing.
  rateLimit: {
    enabled: true,
    storage: limiterStore(),
    window: 60,
    max: 300,
    customRules: {
      '/sign-in/email': { window: 60, max: authAttemptsPerMinute },
      '/sign-up/email': { window: 60, max: authAttemptsPerMinute },
      '/reset-password': { window: 60, max: 10 },
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
