import type { PrismaClient } from '../generated/client.ts';
import { demoUsers } from './demo-users.ts';
import { hashPassword } from './password.ts';

/**
 * Creates the demo accounts that do not exist yet and leaves existing ones untouched (a
 * changed password or name survives a re-run). Returns how many were created.
 */
export async function seedDemoUsers(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (const user of demoUsers) {
    const existing = await prisma.user.findUnique({ where: { email: user.email } });
    if (existing) continue;
    await prisma.user.create({
      data: {
        email: user.email,
        name: user.name,
        role: user.role,
        passwordHash: await hashPassword(user.password),
      },
    });
    created += 1;
  }
  return created;
}
