import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { deployMigrations } from './migrate.ts';

/**
 * Test support (`@gradlab/prisma/testing`), for this package's tests and the grader's queue tests.
 * The databases the data-layer tests run on: always a fresh SQLite file; and a fresh PostgreSQL
 * database (created for the run, dropped after) when one is reachable at GRADLAB_TEST_POSTGRES_URL
 * (default: the development and CI machines' 127.0.0.1:5432, database `test`). When none is
 * reachable the PostgreSQL suites are skipped and the reason is printed.
 */

export const postgresAdminUrl =
  process.env.GRADLAB_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL at ${postgresAdminUrl.replace(/\/\/[^@/]*@/, '//')} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the PostgreSQL suites are skipped, or null when they run. */
export const postgresSkipped = await probePostgres();
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
  const name = `gradlab_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  await deployMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The kinds to run a suite on, each with its skip reason (null: it runs). */
export const databaseKinds: { kind: 'sqlite' | 'postgresql'; skipped: string | null }[] = [
  { kind: 'sqlite', skipped: null },
  { kind: 'postgresql', skipped: postgresSkipped },
];
