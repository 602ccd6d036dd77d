// `npm start`: install, build, migrate and seed the embedded SQLite database (idempotent),
// then serve the site on http://localhost:3000 (PORT overrides the port).
import { baseEnv, checkNode, ensureDependencies, exec, run, step } from './lib.mjs';

checkNode();
ensureDependencies();

step('building (turbo run build)');
run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);

step(`database: applying migrations and seeding (${baseEnv().DATABASE_URL})`);
run('npm', ['run', 'db:setup', '--silent', '-w', '@gradlab/prisma']);

const port = process.env.PORT ?? '3000';
step(`serving gradlab on http://localhost:${port}`);
exec('npm', ['run', 'start', '--silent', '-w', '@gradlab/web', '--', '-p', port]);
