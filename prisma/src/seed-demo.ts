import type { PrismaClient } from '../generated/client.ts';
import { demoUsers } from './demo-users.ts';
import { hashPassword } from './password.ts';

/**
 * Creates the demo accounts that do not exist yet and leaves existing ones untouched (a
 * changed password or name survives a re-run). Returns how many were created.
 *
 * The rows are the ones better-auth's email + password sign-up writes: a User and an Account
 * with providerId "credential" whose `password` is hashed by `hashPassword`, the same function
 * the site's better-auth configuration hashes and verifies with.
 */
export async function seedDemoUsers(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (const demo of demoUsers) {
    const existing = await prisma.user.findUnique({
      where: { email: demo.email },
      include: { accounts: { where: { providerId: 'credential' } } },
    });
    if (existing && existing.accounts.length > 0) continue;
    const user =
      existing ??
      (await prisma.user.create({
        data: { email: demo.email, name: demo.name, role: demo.role, emailVerified: true },
      }));
    await prisma.account.create({
      data: {
        userId: user.id,
        accountId: user.id,
        providerId: 'credential',
        password: await hashPassword(demo.password),
      },
    });
    if (!existing) created += 1;
  }
  return created;
}

/** The credential (scrypt) password hash of a user, or null when they have none. */
export async function passwordHashOf(prisma: PrismaClient, email: string): Promise<string | null> {
  const account = await prisma.account.findFirst({
    where: { providerId: 'credential', user: { email } },
  });
  return account?.password ?? null;
}

/** The demo class's join code (public, like the demo accounts). */
export const demoClass = { name: 'Demo class', joinCode: 'DEMOCLASS' } as const;

/**
 * Creates the demo class with the demo instructor as its instructor and the demo student in it,
 * when it does not exist yet (its roster is left alone afterwards). Returns whether it was created.
 */
export async function seedDemoClass(prisma: PrismaClient): Promise<boolean> {
  if (await prisma.courseClass.findUnique({ where: { joinCode: demoClass.joinCode } })) return false;
  const members = await prisma.user.findMany({
    where: { email: { in: demoUsers.map((u) => u.email) } },
    select: { id: true, role: true },
  });
  const created = await prisma.courseClass.create({ data: { ...demoClass } });
  for (const member of members) {
    await prisma.enrollment.create({
      data: {
        classId: created.id,
        userId: member.id,
        role: member.role === 'instructor' ? 'instructor' : 'student',
      },
    });
    await prisma.user.updateMany({
      where: { id: member.id, currentClassId: null },
      data: { currentClassId: created.id },
    });
  }
  // the demo class's homework, due a week after seeding, 10% off per late day for three days
  await prisma.classAssessment.create({
    data: {
      classId: created.id,
      assessmentId: 'homework-backprop',
      closesAt: new Date(Date.now() + 7 * 24 * 3_600_000),
      latePercentPerDay: 10,
      lateDays: 3,
    },
  });
  await prisma.auditEntry.create({
    data: {
      classId: created.id,
      action: 'class.create',
      detail: JSON.stringify({ name: demoClass.name, via: 'seed' }),
    },
  });
  return true;
}
