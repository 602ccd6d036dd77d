/**
 * The PostgreSQL grading queue, end to end: real `gradlab worker` processes on a fresh database,
 * killed with SIGKILL or stopped with SIGTERM mid-grading. Skipped, with the reason printed, when
 * no PostgreSQL is reachable (GRADLAB_TEST_POSTGRES_URL, default 127.0.0.1:5432/test).
 */
import type { PrismaClient } from '@gradlab/prisma';
import { freshDatabase, postgresSkipped, type TestDatabase } from '@gradlab/prisma/testing';
import type { PgBoss } from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  fromPrisma,
  GRADING_QUEUE,
  GradingQueueClient,
  PRIORITY,
  QUEUE_POLICY,
  startBoss,
  UNGRADABLE_MESSAGE,
} from '../../src/queue/index.ts';
import {
  alive,
  client,
  killAlive,
  reference,
  seedUsers,
  slowReference,
  startWorkerProcess,
  submit,
  until,
  type WorkerProcess,
  workerReady,
} from './workers.ts';

const FINAL = ['graded', 'compile_error', 'runtime_error', 'timeout', 'memory_limit', 'error'];

describe.skipIf(postgresSkipped !== null)('the grading queue on PostgreSQL (gradlab worker)', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let boss: PgBoss;
  let queue: GradingQueueClient;
  const workers: WorkerProcess[] = [];
  const worker = async (args: string[] = []) => {
    const w = startWorkerProcess(database.url, args);
    workers.push(w);
    await workerReady(w);
    return w;
  };
  const row = (id: string) => prisma.submission.findUniqueOrThrow({ where: { id } });
  const final = (id: string, ms?: number) =>
    until(
      `submission ${id} to be graded`,
      async () => {
        const r = await row(id);
        return FINAL.includes(r.status) ? r : undefined;
      },
      ms,
    );
  const running = (id: string) =>
    until(`submission ${id} to be running`, async () => (await row(id)).status === 'running');
  const gradedBy = (w: WorkerProcess, id: string) =>
    w.events.filter((e) => e.event === 'graded' && e.submissionId === id).length;

  beforeAll(async () => {
    database = await freshDatabase('postgresql');
    prisma = client(database.url);
    boss = await startBoss({ url: database.url, role: 'web' });
    queue = new GradingQueueClient(boss);
  }, 60_000);

  // a test that failed half-way leaves no worker behind to take the next test's jobs
  afterEach(() => killAlive(workers));

  afterAll(async () => {
    await killAlive(workers);
    await boss?.stop({ graceful: false });
    await prisma?.$disconnect();
    await database?.drop();
  }, 60_000);

  it('stores a submission with its job in one transaction: a rolled-back insert leaves neither', async () => {
    const [user] = await seedUsers(prisma, 1);
    await expect(
      prisma.$transaction(async (tx) => {
        const s = await tx.submission.create({
          data: { userId: user as string, exerciseId: 'affine-layer', code: reference, status: 'queued' },
        });
        await queue.enqueueStored(s.id, { userId: user as string, db: fromPrisma(tx) });
        throw new Error('the insert fails after the job was sent');
      }),
    ).rejects.toThrow('after the job was sent');
    expect(await prisma.submission.count({ where: { userId: user as string } })).toBe(0);
    expect(await boss.findJobs(GRADING_QUEUE)).toEqual([]);
  });

  it('grades stored submissions and direct requests, stops gracefully on SIGTERM mid-grading', async () => {
    const w = await worker(['--concurrency', '2']);
    const [a, b] = await seedUsers(prisma, 2);
    const mistake = reference.replace('dout.sum({ axis: 0 })', 'dout.mean({ axis: 0 })');
    const ids = [
      await submit(prisma, queue, a as string, reference),
      await submit(prisma, queue, b as string, mistake),
    ];
    const rows = await Promise.all(ids.map((id) => final(id)));
    expect(rows.map((r) => [r.status, r.score, r.maxScore])).toEqual([
      ['graded', 10, 10],
      ['graded', 2, 10],
    ]);
    const direct = await queue.grade(
      { exerciseId: 'affine-layer', code: reference, language: 'ts' },
      { userId: a as string },
    );
    expect(direct.score).toBe(10);
    const overview = await until(
      'the worker to be seen',
      async () => {
        const o = await queue.overview();
        return o.workers.some((x) => x.pid === w.child.pid) ? o : undefined;
      },
      40_000,
    );
    expect(overview.queued).toBe(0);

    const slow = await submit(prisma, queue, a as string, slowReference(900));
    await running(slow);
    w.child.kill('SIGTERM');
    expect(await w.exited).toEqual({ code: 0, signal: null });
    const done = await row(slow);
    expect([done.status, done.score]).toEqual(['graded', 10]);
    expect(gradedBy(w, slow)).toBe(1);
    expect(w.events.map((e) => e.event)).toContain('worker-stopped');
  }, 90_000);

  it('a worker killed mid-grading: the job is retried and graded once, by another worker', async () => {
    const first = await worker(['--concurrency', '1']);
    const [user] = await seedUsers(prisma, 1);
    const id = await submit(prisma, queue, user as string, slowReference(900));
    await running(id);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await worker(['--concurrency', '1']);
    const done = await final(id, 60_000);
    expect([done.status, done.score]).toEqual(['graded', 10]);
    expect(gradedBy(first, id)).toBe(0);
    expect(gradedBy(second, id)).toBe(1);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 90_000);

  it('a submission that takes its worker down every time is given up after 3 tries; the queue keeps flowing', async () => {
    const [victim, other] = await seedUsers(prisma, 2);
    const poison = await submit(prisma, queue, victim as string, slowReference(900));
    const later = await submit(prisma, queue, other as string, reference);
    // Any worker that starts a try of the poison is SIGKILLed at once, as a program that crashes
    // its process would end it. On a slow machine the worker that grades `later` can take the
    // poison's next try too (its holder's heartbeat goes stale after 10 s): it is killed the same
    // way, so no try of the poison ever finishes.
    const triedBy = (w: WorkerProcess) =>
      w.events.filter((e) => e.event === 'grading-started' && e.submissionId === poison);
    const reaper = setInterval(() => {
      for (const w of workers) if (alive(w) && triedBy(w).length > 0) w.child.kill('SIGKILL');
    }, 20);
    // the last try seen (0 is the first; a worker killed before it logged its try leaves a gap)
    const lastTry = () => Math.max(-1, ...workers.flatMap((w) => triedBy(w).map((e) => Number(e.retry))));
    try {
      await worker(['--concurrency', '1']);
      await until('try 1 of the poison', async () => lastTry() >= 0);
      // between tries another worker grades what came after
      const next = await worker(['--concurrency', '1']);
      const graded = await final(later, 60_000);
      expect([graded.status, graded.score]).toEqual(['graded', 10]);
      next.child.kill('SIGKILL');
      await next.exited;
      // the remaining tries, one worker each
      for (let tries = lastTry() + 1; tries <= QUEUE_POLICY.retryLimit; tries = lastTry() + 1) {
        const w = await worker(['--concurrency', '1']);
        await until(`try ${tries + 1} of the poison`, async () => lastTry() >= tries, 60_000);
        await w.exited;
      }
    } finally {
      clearInterval(reaper);
    }
    expect(lastTry()).toBe(QUEUE_POLICY.retryLimit);
    const last = await worker(['--concurrency', '1']);
    const given = await final(poison, 60_000);
    expect(given.status).toBe('error');
    expect(given.result).toEqual({ message: UNGRADABLE_MESSAGE });
    // the worker logs it just after it stored the row
    await until('the worker to log that it gave up', async () =>
      last.events.some((e) => e.event === 'given-up' && e.submissionId === poison),
    );
    last.child.kill('SIGTERM');
    await last.exited;
  }, 180_000);

  it("is fair and prioritised: one user's backlog does not hold others back; an exam's job goes first", async () => {
    const [busy, patient, examinee] = await seedUsers(prisma, 3);
    const backlog: string[] = [];
    for (let i = 0; i < 6; i++) backlog.push(await submit(prisma, queue, busy as string, slowReference(400)));
    const waiting = await submit(prisma, queue, patient as string, reference);
    const exam = await submit(prisma, queue, examinee as string, reference, PRIORITY.exam);
    const w = await worker(['--concurrency', '2', '--per-user', '1']);
    const rows = await Promise.all([...backlog, waiting, exam].map((id) => final(id, 90_000)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const span = (id: string) => {
      const r = byId.get(id);
      if (!r?.startedAt || !r.finishedAt) throw new Error(`submission ${id} has no start or end`);
      return [r.startedAt.getTime(), r.finishedAt.getTime()] as const;
    };
    // the order in which the worker took the jobs
    const ours = new Set([...backlog, waiting, exam]);
    const order = w.events
      .filter((e) => e.event === 'grading-started' && ours.has(e.submissionId as string))
      .map((e) => e.submissionId);
    expect(order, w.text()).toHaveLength(8);
    // the exam's job first; the other user's is taken before the busy user's third (first come,
    // first served would take it after all six)
    // (two pollers fetch at once: the exam's job is in the first fetch, before any of the backlog's second)
    expect(order.slice(0, 2)).toContain(exam);
    expect(order.indexOf(waiting)).toBeLessThan(order.indexOf(backlog[2]));
    // never two of the busy user's gradings at once
    const spans = backlog.map(span);
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual((spans[i - 1]?.[1] as number) - 5);
    w.child.kill('SIGTERM');
    await w.exited;
  }, 120_000);
});
