import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPrismaClient,
  demoUsers,
  hashPassword,
  type PrismaClient,
  seedDemoUsers,
  verifyPassword,
} from '../src/index.ts';

const packageDir = path.resolve(import.meta.dirname, '..');

function migrate(url: string): string {
  return execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
}

describe('the embedded SQLite database', () => {
  let dir: string;
  let url: string;
  let prisma: PrismaClient;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-db-'));
    url = `file:${path.join(dir, 'nested', 'test.db')}`;
    migrate(url);
    prisma = createPrismaClient(url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates a fresh database, and a second deploy changes nothing', () => {
    expect(migrate(url)).toMatch(/No pending migrations to apply/);
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
    expect(await verifyPassword('student-demo', again.passwordHash)).toBe(true);
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
