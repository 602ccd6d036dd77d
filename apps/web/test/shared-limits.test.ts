/**
 * With PostgreSQL, every web process counts the same requests: the site's limits keep their
 * counts in the database. Two clients stand for two web processes. Skipped, with the reason
 * printed, when no PostgreSQL is reachable.
 */
import { createPrismaClient, type PrismaClient } from '@gradlab/prisma';
import { freshDatabase, postgresSkipped, type TestDatabase } from '@gradlab/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimit } from '../lib/rate-limit.ts';
import { createSignInThrottle } from '../lib/sign-in-throttle.ts';

describe.skipIf(postgresSkipped !== null)('limits shared by web processes (PostgreSQL)', () => {
  let database: TestDatabase;
  let first: PrismaClient;
  let second: PrismaClient;
  beforeAll(async () => {
    database = await freshDatabase('postgresql');
    first = createPrismaClient(database.url);
    second = createPrismaClient(database.url);
  }, 60_000);
  afterAll(async () => {
    await first?.$disconnect();
    await second?.$disconnect();
    await database?.drop();
  });

  it('counts submissions from both processes against one limit', async () => {
    const a = createRateLimit({ name: 'submit', limit: 3, windowMs: 60_000, prisma: first });
    const b = createRateLimit({ name: 'submit', limit: 3, windowMs: 60_000, prisma: second });
    expect((await a.take('user-1')).ok).toBe(true);
    expect((await b.take('user-1')).ok).toBe(true);
    expect((await a.take('user-1')).ok).toBe(true);
    const refused = await b.take('user-1');
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterS).toBeGreaterThan(50);
    expect((await b.take('user-2')).ok).toBe(true);
    // ten at once, from both: exactly the limit gets through
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take('user-3')));
    expect(burst.filter((r) => r.ok)).toHaveLength(3);
  });

  it('locks an account for every process after 5 wrong passwords on either', async () => {
    const a = createSignInThrottle({ prisma: first });
    const b = createSignInThrottle({ prisma: second });
    for (let i = 0; i < 4; i++) await (i % 2 ? a : b).failure('Ada@x.org');
    expect((await a.check('ada@x.org')).ok).toBe(true);
    await b.failure('ada@x.org');
    const locked = await a.check('ADA@x.org');
    expect(locked.ok).toBe(false);
    expect(locked.ok === false && locked.retryAfterS).toBeGreaterThanOrEqual(29);
    await a.success('ada@x.org');
    expect((await b.check('ada@x.org')).ok).toBe(true);
  });
});
