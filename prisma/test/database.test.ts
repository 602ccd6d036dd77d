import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import {
  createPrismaClient,
  demoUsers,
  deployMigrations,
  hashPassword,
  migratePostgres,
  type PrismaClient,
  passwordHashOf,
  seedDemoUsers,
  verifyPassword,
} from '../src/index.ts';
import { databaseKinds, freshDatabase, postgresSkipped, type TestDatabase } from '../src/testing.ts';

const packageDir = path.resolve(import.meta.dirname, '..');

function migrate(url: string): string {
  return execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
}

describe.each(databaseKinds)('the database on $kind', ({ kind, skipped }) => {
  const it = skipped ? test.skip : test;
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    if (skipped) return;
    database = await freshDatabase(kind);
    prisma = createPrismaClient(database.url);
  });
  afterAll(async () => {
    if (skipped) return;
    await prisma.$disconnect();
    await database.drop();
  });

  it('migrates a fresh database, and a second deploy changes nothing', async () => {
    expect(await deployMigrations(database.url)).toMatch(/no pending migrations to apply/i);
  });
  it('seeds the demo accounts once, and keeps changes on a re-run', async () => {
    expect(await seedDemoUsers(prisma)).toBe(demoUsers.length);
    const student = await prisma.user.update({
      where: { email: 'student@gradlab.local' },
      data: { name: 'Renamed' },
    });
    expect(await seedDemoUsers(prisma)).toBe(0);
    expect(await prisma.user.count()).toBe(demoUsers.length);
    const again = await prisma.user.findUniqueOrThrow({ where: { email: 'student@gradlab.local' } });
    expect(again.name).toBe('Renamed');
    expect(again.id).toBe(student.id);
    expect(await verifyPassword('student-demo', (await passwordHashOf(prisma, again.email)) ?? '')).toBe(
      true,
    );
    expect(again.role).toBe('student');
    expect(await prisma.account.count({ where: { providerId: 'credential' } })).toBe(demoUsers.length);
    const instructor = await prisma.user.findUniqueOrThrow({ where: { email: 'instructor@gradlab.local' } });
    expect(instructor.role).toBe('instructor');
  });

  it('stores a submission with its result JSON', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'student@gradlab.local' } });
    await prisma.exercise.create({
      data: { id: 'affine-layer', title: 'Affine layer', topic: 'backprop', points: 10 },
    });
    const result = { exercise: 'affine-layer', status: 'graded', score: 10, maxScore: 10, tests: [] };
    const created = await prisma.submission.create({
      data: { userId: user.id, exerciseId: 'affine-layer', code: 'export {}', status: 'graded', result },
    });
    const read = await prisma.submission.findUniqueOrThrow({ where: { id: created.id } });
    expect(read.status).toBe('graded');
    expect(read.result).toEqual(result);
  });
});

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
    expect(await verifyPassword('correct horse', 'not-a-hash')).toBe(false);
    expect(await hashPassword('correct horse')).not.toBe(hash);
  });
});

describe('the auth migration', () => {
  it('moves the password hashes of existing users into credential accounts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-upgrade-'));
    try {
      // A database on the first migration only, with a user as the old seed wrote it.
      const migrations = path.join(dir, 'migrations');
      fs.mkdirSync(migrations);
      fs.cpSync(
        path.join(packageDir, 'migrations', '20261122000000_init'),
        path.join(migrations, '20261122000000_init'),
        {
          recursive: true,
        },
      );
      fs.copyFileSync(
        path.join(packageDir, 'migrations', 'migration_lock.toml'),
        path.join(migrations, 'migration_lock.toml'),
      );
      const file = path.join(dir, 'old.db');
      const config = path.join(packageDir, '.upgrade-test.config.ts');
      fs.writeFileSync(
        config,
        [
          "import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';",
          "import { defineConfig } from 'prisma/config';",
          `export default defineConfig({ experimental: { adapter: true }, engine: 'js', schema: ${JSON.stringify(path.join(packageDir, 'schema.prisma'))}, migrations: { path: ${JSON.stringify(migrations)} }, async adapter() { return new PrismaBetterSQLite3({ url: ${JSON.stringify(`file:${file}`)} }); } });`,
        ].join('\n'),
      );
      try {
        execFileSync('npx', ['prisma', 'migrate', 'deploy', '--config', config], {
          cwd: packageDir,
          env: { ...process.env, DATABASE_URL: `file:${file}` },
        });
      } finally {
        fs.rmSync(config, { force: true });
      }
      const hash = await hashPassword('old-password');
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(file);
      raw
        .prepare(
          "INSERT INTO User (id, email, name, passwordHash, role, updatedAt) VALUES ('u1', 'old@x', 'Old', ?, 'instructor', CURRENT_TIMESTAMP)",
        )
        .run(hash);
      raw.close();
      // Upgrade with every migration.
      migrate(`file:${file}`);
      const prisma = createPrismaClient(`file:${file}`);
      try {
        const user = await prisma.user.findUniqueOrThrow({ where: { email: 'old@x' } });
        expect(user.role).toBe('instructor');
        expect(await verifyPassword('old-password', (await passwordHashOf(prisma, 'old@x')) ?? '')).toBe(
          true,
        );
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(postgresSkipped !== null)('the PostgreSQL migration runner', () => {
  it('applies each migration once, also when two runners start together, and refuses an edited one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-pg-migrations-'));
    const database = await freshDatabase('postgresql');
    try {
      const write = (name: string, sql: string) => {
        fs.mkdirSync(path.join(dir, name), { recursive: true });
        fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
      };
      write('1_table', 'CREATE TABLE probe (id integer PRIMARY KEY);');
      write('2_row', 'INSERT INTO probe VALUES (1);');
      const both = await Promise.all([
        migratePostgres(database.url, dir),
        migratePostgres(database.url, dir),
      ]);
      expect(both.flat().sort()).toEqual(['1_table', '2_row']);
      expect(await migratePostgres(database.url, dir)).toEqual([]);
      write('3_broken', 'INSERT INTO probe VALUES (2); INSERT INTO nowhere VALUES (3);');
      await expect(migratePostgres(database.url, dir)).rejects.toThrow(/3_broken.*"nowhere" does not exist/);
      write('3_broken', 'INSERT INTO probe VALUES (2);');
      expect(await migratePostgres(database.url, dir)).toEqual(['3_broken']); // the failed one left nothing
      write('2_row', 'INSERT INTO probe VALUES (5);');
      await expect(migratePostgres(database.url, dir)).rejects.toThrow(/2_row.*changed after it was applied/);
    } finally {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(postgresSkipped !== null)('a PostgreSQL connection that dies inside a transaction', () => {
  // A restart of PostgreSQL (or a killed backend) while transactions are open fails their COMMIT or
  // ROLLBACK. The connection must still go back to the pool (which drops a dead one): it used to
  // stay checked out, and once the pool's few connections were gone every later query waited for
  // ever (a web process stuck after a PostgreSQL restart under load).
  let database: TestDatabase;
  let prisma: PrismaClient;
  let admin: pg.Client;
  beforeAll(async () => {
    database = await freshDatabase('postgresql');
    prisma = createPrismaClient(database.url, { poolSize: 2 });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await prisma?.$disconnect();
    await database?.drop();
  });
  const killOwnBackend = async (tx: Pick<PrismaClient, '$queryRaw'>) => {
    const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    await admin.query('SELECT pg_terminate_backend($1)', [row?.pid]);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the client sees its socket close
  };
  const answersWithin = (ms: number) =>
    Promise.race([
      prisma.user.count(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
    ]);

  it('gives the connection back when the ROLLBACK fails, and later queries answer', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(
        prisma.$transaction(async (tx) => {
          await killOwnBackend(tx);
          await tx.user.count(); // fails: the connection is gone, so Prisma rolls back, which fails too
        }),
      ).rejects.toThrow();
    }
    await expect(answersWithin(5000)).resolves.toBe(0);
  }, 30_000);
  it('gives the connection back when the COMMIT fails, and later queries answer', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(prisma.$transaction(async (tx) => killOwnBackend(tx))).rejects.toThrow();
    }
    await expect(answersWithin(5000)).resolves.toBe(0);
  }, 30_000);
});
