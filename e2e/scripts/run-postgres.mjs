// `npm run e2e:postgres -w @gradlab/e2e`: the browser suite on PostgreSQL, scaled out: a fresh
// database (created here, dropped after), the site in queue mode and a `gradlab worker` beside it.
// Without a reachable PostgreSQL (GRADLAB_TEST_POSTGRES_URL, default the development machines'
// 127.0.0.1:5432/test) it prints why it skipped and exits 0.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const adminUrl = process.env.GRADLAB_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const shown = adminUrl.replace(/\/\/[^@/]*@/, '//');
const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
try {
  await admin.connect();
} catch (error) {
  console.log(`SKIPPED: the browser suite on PostgreSQL: no PostgreSQL at ${shown} (${error.message})`);
  process.exit(0);
}
const name = `gradlab_e2e_${process.pid}_${Date.now().toString(36)}`;
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
console.log(`browser suite on PostgreSQL (database ${name}), grading through the queue`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    E2E_DATABASE_URL: url.toString(),
    E2E_GRADING: 'queue',
    E2E_PORT: process.env.E2E_PORT ?? '3211',
  },
});
const drop = new pg.Client({ connectionString: adminUrl });
await drop.connect();
await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await drop.end();
process.exit(result.status ?? 1);
