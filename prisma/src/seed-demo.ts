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
