import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in `prisma/src/`. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the embedded SQLite database lives when DATABASE_URL is not set. */
export const defaultDatabaseFile = path.join(repoRoot, 'data', 'gradlab.db');

/**
 * The database URL: `DATABASE_URL` when set, else the embedded SQLite file `data/gradlab.db`
 * at the repository root. The value is written back to `process.env` so that the Prisma
 * schema's `env("DATABASE_URL")` sees the same database, and the folder of a SQLite file is
 * created if it is missing (SQLite creates the file, not its folder).
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? `file:${defaultDatabaseFile}`;
  process.env.DATABASE_URL = url;
  const file = sqliteFile(url);
  if (file !== null) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return url;
}

/** The file path of a `file:` SQLite URL, or null for other databases and `:memory:`. */
export function sqliteFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const file = url.slice('file:'.length).split('?')[0] ?? '';
  return file === '' || file === ':memory:' ? null : file;
}

/** Whether the URL names a PostgreSQL database (`postgresql://` or `postgres://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
