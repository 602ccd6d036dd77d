import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@gradlab/prisma';
import { expect, test } from '@playwright/test';
import { exerciseFile, repoRoot } from '../fixtures/site.ts';

/**
 * Submissions survive a restart: a server that starts on a database with submissions left
 * `queued` or `running` grades them (instrumentation.ts). The test copies the e2e database,
 * leaves two submissions pending in it, and starts a second server on the copy.
 */
test('a server start grades the submissions left queued or running', async () => {
  // SQLite, in-process grading: with the queue, jobs outlive every web process (the queue's own
  // tests and the load test restart processes mid-grading)
  test.skip(process.env.E2E_GRADING === 'queue', 'embedded grading only');
  test.setTimeout(90_000);
  const port = Number(process.env.E2E_PORT ?? 3210) + 7;
  const source = path.join(repoRoot, 'data', `e2e-${process.env.E2E_PORT ?? 3210}.db`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-restart-'));
  const file = path.join(dir, 'restart.db');
  fs.copyFileSync(source, file);
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  let server: ChildProcess | undefined;
  try {
    const student = await prisma.user.findUniqueOrThrow({ where: { email: 'student@gradlab.local' } });
    await prisma.exercise.upsert({
      where: { id: 'affine-layer' },
      create: { id: 'affine-layer', title: 'The affine layer', topic: 'backpropagation', points: 10 },
      update: {},
    });
    const code = exerciseFile('affine-layer', 'solution.ts');
    const queued = await prisma.submission.create({
      data: { userId: student.id, exerciseId: 'affine-layer', code, status: 'queued' },
    });
    const running = await prisma.submission.create({
      data: {
        userId: student.id,
        exerciseId: 'affine-layer',
        code,
        status: 'running',
        startedAt: new Date(),
      },
    });

    server = spawn(process.execPath, ['server.mjs', '-p', String(port)], {
      cwd: path.join(repoRoot, 'apps', 'web'),
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_OPTIONS: '--no-node-snapshot',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
    });
    await expect
      .poll(
        async () => {
          const rows = await prisma.submission.findMany({ where: { id: { in: [queued.id, running.id] } } });
          return rows.map((r) => `${r.status}:${r.score}`).sort();
        },
        { timeout: 60_000, intervals: [250] },
      )
      .toEqual(['graded:10', 'graded:10']);
  } finally {
    server?.kill('SIGTERM');
    await prisma.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
