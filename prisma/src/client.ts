import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/client.ts';
import { databaseUrl } from './database-url.ts';

/**
 * A Prisma client on the configured database (SQLite through better-sqlite3 by default).
 * The JS engine with a driver adapter: no native query engine is needed.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL in the embedded set-up, got "${url.split(':')[0]}:..."`,
    );
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
