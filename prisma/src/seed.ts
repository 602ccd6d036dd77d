import { createPrismaClient } from './client.ts';
import { seedDemoUsers } from './seed-demo.ts';

// `npm run db:seed -w @gradlab/prisma`: idempotent, safe to run on every start.
const prisma = createPrismaClient();
try {
  const created = await seedDemoUsers(prisma);
  console.log(`seed: ${created} demo account(s) created`);
} finally {
  await prisma.$disconnect();
}
