// `npm run e2e:postgres -w @gradlab/e2e`: the browser suite on PostgreSQL, scaled out: a fresh
// database (created here, dropped after), the site in queue mode and a `gradlab worker` beside it.
// Without a reachable PostgreSQL (GRADLAB_TEST_POSTGRES_URL, default the development machines'
// 127.0.0.1:5432/test) it prints why it skipped and exits 0.
import { spawnSync } from 'node:child_process';
import { createScratchDatabase, postgresUnreachable } from '@gradlab/prisma/scratch-database';

const unreachable = await postgresUnreachable();
if (unreachable) {
  console.log(`SKIPPED: the browser suite on PostgreSQL: ${unreachable}`);
  process.exit(0);
}
const database = await createScratchDatabase('gradlab_e2e');
console.log(`browser suite on PostgreSQL (database ${database.name}), grading through the queue`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    E2E_DATABASE_URL: database.url,
    E2E_GRADING: 'queue',
    E2E_PORT: process.env.E2E_PORT ?? '3211',
  },
});
await database.drop();
process.exit(result.status ?? 1);
