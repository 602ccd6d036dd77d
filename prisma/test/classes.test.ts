import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  acceptInvites,
  addMembers,
  ClassError,
  classRoleOf,
  clearOverride,
  createClass,
  createInstructor,
  createPrismaClient,
  demoClass,
  hashPassword,
  joinByCode,
  normalizeJoinCode,
  type PrismaClient,
  removeMember,
  seedDemoClass,
  seedDemoUsers,
  setMemberRole,
  setOverride,
  verifyPassword,
} from '../src/index.ts';
import { databaseKinds, freshDatabase, type TestDatabase } from '../src/testing.ts';

describe.each(databaseKinds)('classes, rosters, roles, overrides on $kind', ({ kind, skipped }) => {
  const it = skipped ? test.skip : test;
  let database: TestDatabase;
  let prisma: PrismaClient;
  const user = (email: string, name = email) => prisma.user.create({ data: { email, name } });
  const rejection = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClassError);
    return error as ClassError;
  };

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

  it('creates a class whose creator is its instructor, and students join with its code', async () => {
    const ada = await user('ada@example.org');
    const sam = await user('sam@example.org');
    const winter = await createClass(prisma, { name: '  Winter 2026 ', createdById: ada.id });
    expect(winter.name).toBe('Winter 2026');
    expect(winter.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(await classRoleOf(prisma, winter.id, ada.id)).toBe('instructor');
    // typed loosely: lower case, with a dash
    const code = `${winter.joinCode.slice(0, 4).toLowerCase()}-${winter.joinCode.slice(4)}`;
    expect(normalizeJoinCode(code)).toBe(winter.joinCode);
    const joined = await joinByCode(prisma, sam.id, code);
    expect(joined).toMatchObject({ role: 'student', joined: true });
    expect((await joinByCode(prisma, sam.id, winter.joinCode)).joined).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: sam.id } })).currentClassId).toBe(winter.id);
    expect((await rejection(joinByCode(prisma, sam.id, 'ZZZZZZZZ'))).status).toBe(404);
    expect((await rejection(joinByCode(prisma, sam.id, '!'))).message).toMatch(/^code: /);
    await prisma.courseClass.update({ where: { id: winter.id }, data: { joinOpen: false } });
    const late = await user('late@example.org');
    expect((await rejection(joinByCode(prisma, late.id, winter.joinCode))).status).toBe(403);
    const actions = await prisma.auditEntry.findMany({
      where: { classId: winter.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual(['class.create', 'member.join']);
  });

  it('adds a roster by email: members now, invites for emails without an account', async () => {
    const ada = await user('ada2@example.org');
    const spring = await createClass(prisma, { name: 'Spring', createdById: ada.id });
    await user('kim@example.org');
    const outcome = await addMembers(prisma, spring.id, ada.id, [
      { email: 'Kim@Example.org ' },
      { email: 'new@example.org', role: 'ta' },
      { email: 'kim@example.org' },
      { email: 'ada2@example.org' },
    ]);
    expect(outcome).toEqual({
      added: ['kim@example.org'],
      invited: ['new@example.org'],
      unchanged: ['ada2@example.org'],
    });
    const newcomer = await user('new@example.org');
    expect(await acceptInvites(prisma, newcomer)).toBe(1);
    expect(await classRoleOf(prisma, spring.id, newcomer.id)).toBe('ta');
    expect(await acceptInvites(prisma, newcomer)).toBe(0);
  });

  it('changes roles with an audit trail, and keeps at least one instructor', async () => {
    const ada = await user('ada3@example.org');
    const tim = await user('tim@example.org');
    const c = await createClass(prisma, { name: 'Roles', createdById: ada.id });
    await addMembers(prisma, c.id, ada.id, [{ email: tim.email }]);
    expect(await setMemberRole(prisma, c.id, ada.id, tim.id, 'ta')).toEqual({ from: 'student', to: 'ta' });
    expect((await rejection(setMemberRole(prisma, c.id, ada.id, ada.id, 'student'))).status).toBe(409);
    expect((await rejection(removeMember(prisma, c.id, ada.id, ada.id))).status).toBe(409);
    await setMemberRole(prisma, c.id, ada.id, tim.id, 'instructor');
    await setMemberRole(prisma, c.id, tim.id, ada.id, 'student');
    const role = await prisma.auditEntry.findMany({
      where: { classId: c.id, action: 'member.role' },
      orderBy: { createdAt: 'asc' },
    });
    expect(role.map((r) => [r.actorId, r.subjectId, JSON.parse(r.detail)])).toEqual([
      [ada.id, tim.id, { from: 'student', to: 'ta' }],
      [ada.id, tim.id, { from: 'ta', to: 'instructor' }],
      [tim.id, ada.id, { from: 'instructor', to: 'student' }],
    ]);
    await removeMember(prisma, c.id, tim.id, ada.id);
    expect(await classRoleOf(prisma, c.id, ada.id)).toBeNull();
  });

  it('keeps an override beside the computed score, with its reason, and clears it', async () => {
    const ada = await user('ada4@example.org');
    const sam = await user('sam4@example.org');
    const c = await createClass(prisma, { name: 'Grades', createdById: ada.id });
    await addMembers(prisma, c.id, ada.id, [{ email: sam.email }]);
    const key = { classId: c.id, userId: sam.id, exerciseId: 'affine-layer' };
    expect(
      (await rejection(setOverride(prisma, { ...key, score: 8, dueAt: null, reason: ' ', actorId: ada.id })))
        .message,
    ).toMatch(/^reason: /);
    expect(
      (
        await rejection(
          setOverride(prisma, { ...key, score: null, dueAt: null, reason: 'x', actorId: ada.id }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await rejection(
          setOverride(prisma, {
            ...key,
            userId: ada.id,
            score: 1,
            dueAt: null,
            reason: 'x',
            actorId: ada.id,
          }),
        )
      ).status,
    ).toBe(404);
    await setOverride(prisma, { ...key, score: 8, dueAt: null, reason: 'regrade request', actorId: ada.id });
    const due = new Date('2027-01-10T12:00:00Z');
    await setOverride(prisma, { ...key, score: 9, dueAt: due, reason: 'illness', actorId: ada.id });
    const stored = await prisma.gradeOverride.findUniqueOrThrow({
      where: { classId_userId_exerciseId: key },
    });
    expect([stored.score, stored.dueAt?.toISOString(), stored.reason]).toEqual([
      9,
      due.toISOString(),
      'illness',
    ]);
    const log = await prisma.auditEntry.findMany({
      where: { classId: c.id, action: 'grade.override' },
      orderBy: { createdAt: 'asc' },
    });
    expect(JSON.parse(log[1]?.detail ?? '{}').from).toMatchObject({ score: 8, reason: 'regrade request' });
    await clearOverride(prisma, key, ada.id);
    expect(await prisma.gradeOverride.count({ where: key })).toBe(0);
  });

  it('creates the first instructor from the command line, or promotes an existing account', async () => {
    const created = await createInstructor(prisma, { email: 'Head@Example.org', name: 'Head' }, hashPassword);
    expect(created.created).toBe(true);
    const head = await prisma.user.findUniqueOrThrow({
      where: { email: 'head@example.org' },
      include: { accounts: true },
    });
    expect(head.role).toBe('instructor');
    expect(await verifyPassword(created.password ?? '', head.accounts[0]?.password ?? '')).toBe(true);
    const again = await createInstructor(prisma, { email: 'head@example.org' }, hashPassword);
    expect(again).toEqual({ userId: head.id, created: false });
    expect((await rejection(createInstructor(prisma, { email: 'not an email' }, hashPassword))).status).toBe(
      400,
    );
  });

  it('seeds the demo class once, with the demo instructor and student in it', async () => {
    await seedDemoUsers(prisma);
    expect(await seedDemoClass(prisma)).toBe(true);
    expect(await seedDemoClass(prisma)).toBe(false);
    const demo = await prisma.courseClass.findUniqueOrThrow({
      where: { joinCode: demoClass.joinCode },
      include: { enrollments: { include: { user: true } } },
    });
    expect(demo.enrollments.map((e) => [e.user.email, e.role]).sort()).toEqual([
      ['instructor@gradlab.local', 'instructor'],
      ['student@gradlab.local', 'student'],
    ]);
  });
});
