import pg from 'pg';

/**
 * Scratch PostgreSQL databases (`@gradlab/prisma/scratch-database`): made fresh for one run of the
 * data-layer tests, the browser suite or the load test, on the server at GRADLAB_TEST_POSTGRES_URL
 * (default: the development and CI machines' 127.0.0.1:5432, database `test`), and dropped after.
 */

export const postgresAdminUrl =
  process.env.GRADLAB_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A database URL without its user and password, for messages. */
export function shownUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

/** Null when PostgreSQL answers at `adminUrl` within 2 s, else why it does not. */
export async function postgresUnreachable(adminUrl = postgresAdminUrl): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL at ${shownUrl(adminUrl)} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface ScratchDatabase {
  name: string;
  /** the new database's URL (the admin URL's server and user) */
  url: string;
  /** Drops it, closing whatever connections are left. */
  drop(): Promise<void>;
}

/** Creates an empty database named `<prefix>_<pid>_<time>_<random>` next to the admin database. */
export async function createScratchDatabase(
  prefix: string,
  adminUrl = postgresAdminUrl,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdmin(adminUrl: string, body: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await body(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
