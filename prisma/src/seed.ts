import { createPrismaClient } from './client.ts';
import { demoUsers } from './demo-users.ts';
import { demoClass, seedDemoClass, seedDemoUsers } from './seed-demo.ts';

// `npm run db:seed -w @gradlab/prisma`: idempotent, safe to run on every start.
const prisma = createPrismaClient();
try {
  const created = await seedDemoUsers(prisma);
  console.log(`seed: ${created} demo account(s) created, ${demoUsers.length - created} already there`);
  console.log('Demo accounts (also in README.md):');
  for (const user of demoUsers) console.log(`  ${user.role.padEnd(10)} ${user.email} / ${user.password}`);
  if (await seedDemoClass(prisma))
    console.log(`seed: created "${demoClass.name}" (join code ${demoClass.joinCode})`);
} finally {
  await prisma.$disconnect();
}
