import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrl, isPostgresUrl } from './database-url.ts';
import { migratePostgres } from './migrate-pg.ts';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Brings the database at `url` to the schema: `prisma migrate deploy` for SQLite, the
 * migrations-pg runner for PostgreSQL. Returns what it did, in a line for the log.
 */
export async function deployMigrations(url: string = databaseUrl()): Promise<string> {
  if (isPostgresUrl(url)) {
    const applied = await migratePostgres(url);
    return applied.length === 0
      ? 'PostgreSQL: no pending migrations to apply'
      : `PostgreSQL: applied ${applied.join(', ')}`;
  }
  return execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
}

// `npm run db:deploy -w @gradlab/prisma`: migrates the database of DATABASE_URL (default: the embedded SQLite file)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  deployMigrations()
    .then((out) => process.stdout.write(`${out.trim()}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
