import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployMigrations } from './migrate.ts';
import { createScratchDatabase, postgresUnreachable } from './scratch-database.ts';

/**
 * Test support (`@gradlab/prisma/testing`), for this package's tests and the grader's queue tests.
 * The databases the data-layer tests run on: always a fresh SQLite file; and a fresh PostgreSQL
 * database (created for the run, dropped after) when one is reachable at GRADLAB_TEST_POSTGRES_URL
 * (default: the development and CI machines' 127.0.0.1:5432, database `test`). When none is
 * reachable the PostgreSQL suites are skipped and the reason is printed.
 */

/** Why the PostgreSQL suites are skipped, or null when they run. */
export const postgresSkipped = await postgresUnreachable();
if (postgresSkipped)
  console.warn(
    `SKIPPED: the PostgreSQL suites (${process.env.npm_package_name ?? 'tests'}): ${postgresSkipped}`,
  );

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the kind. */
export async function freshDatabase(kind: 'sqlite' | 'postgresql'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-db-'));
    const url = `file:${path.join(dir, 'nested', 'test.db')}`;
    await deployMigrations(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await createScratchDatabase('gradlab_test');
  await deployMigrations(database.url);
  return database;
}

/** The kinds to run a suite on, each with its skip reason (null: it runs). */
export const databaseKinds: { kind: 'sqlite' | 'postgresql'; skipped: string | null }[] = [
  { kind: 'sqlite', skipped: null },
  { kind: 'postgresql', skipped: postgresSkipped },
];
