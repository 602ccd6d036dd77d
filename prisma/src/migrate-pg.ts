import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Applies the PostgreSQL migrations (`prisma/migrations-pg/<name>/migration.sql`, SQL written by
 * `prisma migrate diff --script` from the one schema) in name order, each in its own transaction
 * and recorded in `_gradlab_migrations` with its checksum. Prisma's CLI cannot migrate
 * PostgreSQL with the JS engine on these machines (see shared/STACK.md), hence this runner.
 * Idempotent: a second run applies nothing. An advisory lock keeps two runners (two web
 * processes starting at once) from applying the same migration twice. A migration changed after
 * it was applied is refused with its name.
 */

export const pgMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'migrations-pg',
);

/** An arbitrary constant: the advisory lock held while migrating. */
const LOCK_KEY = 7_316_220;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Applies the pending migrations; returns the names applied (empty when none was pending). */
export async function migratePostgres(url: string, dir: string = pgMigrationsDir): Promise<string[]> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_gradlab_migrations" (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>(
          'SELECT name, checksum FROM "_gradlab_migrations"',
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    for (const name of names) {
      const file = path.join(dir, name, 'migration.sql');
      const sql = fs.readFileSync(file, 'utf8');
      const checksum = sha256(sql);
      const before = done.get(name);
      if (before !== undefined) {
        if (before !== checksum)
          throw new Error(
            `${file}: this migration was changed after it was applied; add a new migration instead`,
          );
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_gradlab_migrations" (name, checksum) VALUES ($1, $2)', [
          name,
          checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      applied.push(name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
