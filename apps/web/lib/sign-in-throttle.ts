import type { PrismaClient } from '@gradlab/prisma';
import { createLimiter } from './rate-limit.ts';

/**
 * Per-account backoff for password sign-in. After `freeFailures` wrong passwords in a row, the
 * account is locked for `baseDelayMs`, doubling with each further failure up to `maxDelayMs`,
 * whichever address the attempts come from. A correct password clears the count; the count is
 * forgotten `forgetAfterMs` after the last failure.
 *
 * The count lives on the site's limiter store (the database on PostgreSQL, shared by every web
 * process; memory with SQLite): one row per account holding the number of failures and an expiry
 * set `forgetAfterMs` after the last one, from which the lock's end follows.
 */
export function createSignInThrottle(
  options: {
    freeFailures?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    forgetAfterMs?: number;
    /** count in this database (tests; by default the server's own, on PostgreSQL) */
    prisma?: PrismaClient;
  } = {},
) {
  const freeFailures = options.freeFailures ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const forgetAfterS = Math.round((options.forgetAfterMs ?? 24 * 60 * 60_000) / 1000);
  const limiter = createLimiter({
    ...(options.prisma ? { prisma: options.prisma } : {}),
    name: 'sign-in-failures',
    points: 1_000_000,
    durationS: forgetAfterS,
  });
  const keyOf = (account: string) => account.trim().toLowerCase();
  const lockFor = (count: number) =>
    count < freeFailures ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (count - freeFailures));

  return {
    /** Whether a sign-in attempt for `account` may be tried now. */
    async check(account: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }> {
      const entry = await (await limiter()).get(keyOf(account));
      if (!entry) return { ok: true };
      const sinceLastMs = forgetAfterS * 1000 - entry.msBeforeNext;
      const wait = lockFor(entry.consumedPoints) - sinceLastMs;
      return wait > 0 ? { ok: false, retryAfterS: Math.ceil(wait / 1000) } : { ok: true };
    },
    async failure(account: string): Promise<void> {
      const key = keyOf(account);
      const failures = await limiter();
      const entry = await failures.get(key);
      await failures.set(key, (entry?.consumedPoints ?? 0) + 1, forgetAfterS);
    },
    async success(account: string): Promise<void> {
      await (await limiter()).delete(keyOf(account));
    },
  };
}
