import { databaseUrl, isPostgresUrl, type PrismaClient } from '@gradlab/prisma';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPrisma,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/**
 * Where the site's own limits keep their counts (rate-limiter-flexible): in the database on
 * PostgreSQL, where several web processes must count the same requests (`RateLimiterFlexible`
 * rows); in memory with SQLite, whose one server process is the only one counting.
 */
export function limiterStore(): 'database' | 'memory' {
  return isPostgresUrl(databaseUrl()) ? 'database' : 'memory';
}

/**
 * A counter of `points` per `durationS` seconds and key, on the site's limiter store, made on
 * first use (the database's client is the server's own, loaded only when it is needed).
 */
export function createLimiter(options: {
  name: string;
  points: number;
  durationS: number;
  /** count in this database (tests; by default the server's own, on PostgreSQL) */
  prisma?: PrismaClient;
}): () => Promise<RateLimiterAbstract> {
  const common = { keyPrefix: options.name, points: options.points, duration: options.durationS };
  let made: Promise<RateLimiterAbstract> | undefined;
  return () => {
    const table = { tableName: 'rateLimiterFlexible' };
    made ??= options.prisma
      ? Promise.resolve(new RateLimiterPrisma({ ...common, ...table, storeClient: options.prisma }))
      : limiterStore() === 'database'
        ? import('./db.ts').then(
            ({ db }) =>
              new RateLimiterPrisma({ ...common, storeClient: db(), tableName: 'rateLimiterFlexible' }),
          )
        : Promise.resolve(new RateLimiterMemory(common));
    return made;
  };
}

/**
 * A rate limit: `limit` attempts per key in each window of `windowMs`. `take(key)` records an
 * attempt and says whether it is allowed, and if not, in how many seconds the window ends.
 */
export function createRateLimit(options: {
  name: string;
  limit: number;
  windowMs: number;
  prisma?: PrismaClient;
}) {
  const limiter = createLimiter({
    ...(options.prisma ? { prisma: options.prisma } : {}),
    name: options.name,
    points: options.limit,
    durationS: Math.max(1, Math.round(options.windowMs / 1000)),
  });
  return {
    async take(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }> {
      try {
        await (await limiter()).consume(key);
        return { ok: true };
      } catch (refused) {
        // a store error is not a refusal: it surfaces as the 500 it is
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return { ok: false, retryAfterS: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
      }
    },
  };
}
