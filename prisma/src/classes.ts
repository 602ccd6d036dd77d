/**
 * Classes (cohorts of the course), their rosters, staff roles, grade overrides and audit log.
 * Everything here takes the Prisma client, so the site, the `gradlab admin` command and the
 * tests share one implementation; who may call what is decided by the caller (the site checks
 * the acting user's role with `classRoleOf` first).
 */
import { randomInt } from 'node:crypto';
import type { ClassRole, CourseClass, PrismaClient } from '../generated/client.ts';

export type { ClassRole };
export const classRoles: readonly ClassRole[] = ['student', 'ta', 'instructor'];

/** A refused class operation, with the HTTP status the site answers it with. */
export class ClassError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Join-code letters: upper case and digits without look-alikes (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as a person may type it: any case, with spaces or dashes. */
export function normalizeJoinCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Db = Pick<
  PrismaClient,
  'courseClass' | 'enrollment' | 'classInvite' | 'auditEntry' | 'user' | 'gradeOverride'
>;

/** Records who did what in a class. `detail` is stored as JSON. */
export async function audit(
  prisma: Pick<PrismaClient, 'auditEntry'>,
  entry: {
    classId: string;
    actorId: string | null;
    action: string;
    subjectId?: string | null;
    detail: unknown;
  },
): Promise<void> {
  await prisma.auditEntry.create({
    data: {
      classId: entry.classId,
      actorId: entry.actorId,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail),
    },
  });
}

/** The user's role in the class, or null when they are not in it. */
export async function classRoleOf(prisma: Db, classId: string, userId: string): Promise<ClassRole | null> {
  const enrollment = await prisma.enrollment.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { role: true },
  });
  return enrollment?.role ?? null;
}

/** Creates a class with a fresh join code; its creator is its first instructor. */
export async function createClass(
  prisma: PrismaClient,
  input: { name: string; createdById: string | null },
): Promise<CourseClass> {
  const name = input.name.trim();
  if (!name) throw new ClassError(400, 'name: a class needs a name');
  if (name.length > 100) throw new ClassError(400, 'name: at most 100 characters');
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const created = await tx.courseClass.create({
          data: { name, joinCode: newJoinCode(), createdById: input.createdById },
        });
        if (input.createdById) {
          await tx.enrollment.create({
            data: { classId: created.id, userId: input.createdById, role: 'instructor' },
          });
          await tx.user.updateMany({
            where: { id: input.createdById, currentClassId: null },
            data: { currentClassId: created.id },
          });
        }
        await audit(tx, {
          classId: created.id,
          actorId: input.createdById,
          action: 'class.create',
          detail: { name },
        });
        return created;
      });
    } catch (error) {
      // a join code already taken (1 in 31^8 per class): draw another
      if (attempt < 3 && String(error).includes('joinCode')) continue;
      throw error;
    }
  }
}

/** A student joins with a class's code. Joining twice changes nothing. */
export async function joinByCode(
  prisma: PrismaClient,
  userId: string,
  code: string,
): Promise<{ courseClass: CourseClass; role: ClassRole; joined: boolean }> {
  const joinCode = normalizeJoinCode(code);
  if (!/^[A-Z0-9]{4,16}$/.test(joinCode))
    throw new ClassError(400, 'code: a join code has 8 letters and digits');
  const courseClass = await prisma.courseClass.findUnique({ where: { joinCode } });
  if (!courseClass) throw new ClassError(404, `code: no class has the join code ${joinCode}`);
  const existing = await classRoleOf(prisma, courseClass.id, userId);
  if (existing) {
    await prisma.user.update({ where: { id: userId }, data: { currentClassId: courseClass.id } });
    return { courseClass, role: existing, joined: false };
  }
  if (!courseClass.joinOpen)
    throw new ClassError(403, `code: "${courseClass.name}" is closed to new students; ask its instructor`);
  await prisma.$transaction(async (tx) => {
    await tx.enrollment.create({ data: { classId: courseClass.id, userId, role: 'student' } });
    await tx.user.update({ where: { id: userId }, data: { currentClassId: courseClass.id } });
    await audit(tx, {
      classId: courseClass.id,
      actorId: userId,
      action: 'member.join',
      subjectId: userId,
      detail: { role: 'student', via: 'join code' },
    });
  });
  return { courseClass, role: 'student', joined: true };
}

export interface RosterEntry {
  email: string;
  name?: string;
  role?: ClassRole;
}

export interface RosterOutcome {
  /** enrolled now (they have an account) */
  added: string[];
  /** no account yet: they join when they sign up with that email */
  invited: string[];
  /** already members: their role was left as it was */
  unchanged: string[];
}

/**
 * Adds people to a class by email (one, or a roster upload). People with an account are
 * enrolled; the others get an invite that their sign-up takes up. Members already there keep
 * their role (roles change with `setMemberRole`).
 */
export async function addMembers(
  prisma: PrismaClient,
  classId: string,
  actorId: string | null,
  entries: RosterEntry[],
): Promise<RosterOutcome> {
  const outcome: RosterOutcome = { added: [], invited: [], unchanged: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    const email = normalizeEmail(entry.email);
    if (seen.has(email)) continue;
    seen.add(email);
    const role = entry.role ?? 'student';
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (user) {
      if (await classRoleOf(prisma, classId, user.id)) {
        outcome.unchanged.push(email);
        continue;
      }
      await prisma.$transaction(async (tx) => {
        await tx.enrollment.create({ data: { classId, userId: user.id, role } });
        await tx.user.updateMany({
          where: { id: user.id, currentClassId: null },
          data: { currentClassId: classId },
        });
        await audit(tx, {
          classId,
          actorId,
          action: 'member.add',
          subjectId: user.id,
          detail: { email, role },
        });
      });
      outcome.added.push(email);
    } else {
      const invite = await prisma.classInvite.findUnique({ where: { classId_email: { classId, email } } });
      if (invite) {
        outcome.unchanged.push(email);
        continue;
      }
      await prisma.$transaction(async (tx) => {
        await tx.classInvite.create({ data: { classId, email, role, createdById: actorId } });
        await audit(tx, { classId, actorId, action: 'member.invite', detail: { email, role } });
      });
      outcome.invited.push(email);
    }
  }
  return outcome;
}

/** Enrolls a user in every class that invited their email; returns how many. */
export async function acceptInvites(
  prisma: PrismaClient,
  user: { id: string; email: string },
): Promise<number> {
  const email = normalizeEmail(user.email);
  const invites = await prisma.classInvite.findMany({ where: { email } });
  for (const invite of invites) {
    await prisma.$transaction(async (tx) => {
      const member = await tx.enrollment.findUnique({
        where: { classId_userId: { classId: invite.classId, userId: user.id } },
      });
      if (!member) {
        await tx.enrollment.create({ data: { classId: invite.classId, userId: user.id, role: invite.role } });
        await audit(tx, {
          classId: invite.classId,
          actorId: user.id,
          action: 'member.join',
          subjectId: user.id,
          detail: { role: invite.role, via: 'invite' },
        });
      }
      await tx.classInvite.delete({ where: { classId_email: { classId: invite.classId, email } } });
      await tx.user.updateMany({
        where: { id: user.id, currentClassId: null },
        data: { currentClassId: invite.classId },
      });
    });
  }
  return invites.length;
}

/** Changes a member's role; a class always keeps at least one instructor. */
export async function setMemberRole(
  prisma: PrismaClient,
  classId: string,
  actorId: string | null,
  userId: string,
  role: ClassRole,
): Promise<{ from: ClassRole; to: ClassRole }> {
  return prisma.$transaction(async (tx) => {
    const from = await classRoleOf(tx, classId, userId);
    if (!from) throw new ClassError(404, 'userId: not a member of this class');
    if (from === role) return { from, to: role };
    if (from === 'instructor') {
      const instructors = await tx.enrollment.count({ where: { classId, role: 'instructor' } });
      if (instructors <= 1) throw new ClassError(409, 'role: the class would have no instructor left');
    }
    await tx.enrollment.update({ where: { classId_userId: { classId, userId } }, data: { role } });
    await audit(tx, {
      classId,
      actorId,
      action: 'member.role',
      subjectId: userId,
      detail: { from, to: role },
    });
    return { from, to: role };
  });
}

/** Removes a member (their submissions stay); the last instructor cannot be removed. */
export async function removeMember(
  prisma: PrismaClient,
  classId: string,
  actorId: string | null,
  userId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const role = await classRoleOf(tx, classId, userId);
    if (!role) throw new ClassError(404, 'userId: not a member of this class');
    if (role === 'instructor' && (await tx.enrollment.count({ where: { classId, role: 'instructor' } })) <= 1)
      throw new ClassError(409, 'userId: the class would have no instructor left');
    await tx.enrollment.delete({ where: { classId_userId: { classId, userId } } });
    await tx.user.updateMany({
      where: { id: userId, currentClassId: classId },
      data: { currentClassId: null },
    });
    await audit(tx, { classId, actorId, action: 'member.remove', subjectId: userId, detail: { role } });
  });
}

export interface OverrideInput {
  classId: string;
  userId: string;
  exerciseId: string;
  /** the score that counts instead of the computed one; null: none */
  score: number | null;
  /** a personal deadline; null: none */
  dueAt: Date | null;
  reason: string;
  actorId: string;
}

/**
 * Sets (or replaces) a student's override for one exercise: a score that counts instead of the
 * best submission's and/or an extension. The computed score is never touched. Recorded in the
 * audit log with the old and new values.
 */
export async function setOverride(prisma: PrismaClient, input: OverrideInput): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new ClassError(400, 'reason: say why the grade is overridden');
  if (input.score === null && input.dueAt === null)
    throw new ClassError(400, 'score: give a score, a new due date, or both');
  if (input.score !== null && (!Number.isFinite(input.score) || input.score < 0))
    throw new ClassError(400, 'score: a number of points, 0 or more');
  await prisma.$transaction(async (tx) => {
    const role = await classRoleOf(tx, input.classId, input.userId);
    if (role !== 'student') throw new ClassError(404, 'userId: not a student of this class');
    const key = { classId: input.classId, userId: input.userId, exerciseId: input.exerciseId };
    const before = await tx.gradeOverride.findUnique({ where: { classId_userId_exerciseId: key } });
    const data = { score: input.score, dueAt: input.dueAt, reason, createdById: input.actorId };
    await tx.gradeOverride.upsert({
      where: { classId_userId_exerciseId: key },
      create: { ...key, ...data },
      update: data,
    });
    await audit(tx, {
      classId: input.classId,
      actorId: input.actorId,
      action: 'grade.override',
      subjectId: input.userId,
      detail: {
        exerciseId: input.exerciseId,
        from: before ? { score: before.score, dueAt: before.dueAt, reason: before.reason } : null,
        to: { score: input.score, dueAt: input.dueAt, reason },
      },
    });
  });
}

/** Removes an override: the computed score counts again. */
export async function clearOverride(
  prisma: PrismaClient,
  key: { classId: string; userId: string; exerciseId: string },
  actorId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.gradeOverride.findUnique({ where: { classId_userId_exerciseId: key } });
    if (!before) throw new ClassError(404, 'no override for this student and exercise');
    await tx.gradeOverride.delete({ where: { classId_userId_exerciseId: key } });
    await audit(tx, {
      classId: key.classId,
      actorId,
      action: 'grade.override.clear',
      subjectId: key.userId,
      detail: {
        exerciseId: key.exerciseId,
        from: { score: before.score, dueAt: before.dueAt, reason: before.reason },
      },
    });
  });
}

/**
 * Makes a user a site instructor (they may create classes and author content), creating the
 * account when there is none. Returns the password of a created account (to hand over once).
 */
export async function createInstructor(
  prisma: PrismaClient,
  input: { email: string; name?: string },
  hash: (password: string) => Promise<string>,
): Promise<{ userId: string; created: boolean; password?: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new ClassError(400, `email: "${input.email}" is not an email address`);
  const existing = await prisma.user.findUnique({ where: { email } });
  if (existing) {
    await prisma.user.update({ where: { id: existing.id }, data: { role: 'instructor' } });
    return { userId: existing.id, created: false };
  }
  const password = Array.from({ length: 4 }, () => newJoinCode().toLowerCase().slice(0, 5)).join('-');
  const user = await prisma.user.create({
    data: {
      email,
      name: input.name?.trim() || email.split('@')[0] || email,
      role: 'instructor',
      emailVerified: true,
    },
  });
  await prisma.account.create({
    data: { userId: user.id, accountId: user.id, providerId: 'credential', password: await hash(password) },
  });
  return { userId: user.id, created: true, password };
}
