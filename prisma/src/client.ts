import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../generated-pg/client/client.ts';
import { databaseUrl, isPostgresUrl } from './database-url.ts';
import { postgresAdapter } from './pg-adapter.ts';

/**
 * A Prisma client on the configured database: SQLite through better-sqlite3 (the embedded
 * default, a `file:` URL) or PostgreSQL through node-postgres (a `postgresql://` URL, when
 * scaling out). The JS engine with a driver adapter: no native query engine is needed. Both
 * clients are generated from the one schema (scripts/generate.mjs) and have the same API.
 * `poolSize`: PostgreSQL connections this client may hold (default 10).
 */
export function createPrismaClient(
  url: string = databaseUrl(),
  options: { poolSize?: number } = {},
): PrismaClient {
  if (isPostgresUrl(url))
    return new PostgresPrismaClient({
      adapter: postgresAdapter(url, options.poolSize),
    }) as unknown as PrismaClient;
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url.split(':')[0]}:..."`,
    );
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
