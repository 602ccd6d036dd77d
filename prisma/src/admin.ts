/**
 * `npx gradlab admin <command>`: administration on the server, for what the site cannot do
 * before anyone may use it.
 *
 *   gradlab admin create-instructor <email> [--name <name>]
 *     Makes <email> a site instructor (may create classes and author content). Creates the
 *     account when there is none and prints its password once.
 */
import { ClassError, createInstructor } from './classes.ts';
import { createPrismaClient } from './client.ts';
import { hashPassword } from './password.ts';

const usage = 'usage: gradlab admin create-instructor <email> [--name <name>]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'create-instructor') fail(command ? `unknown admin command "${command}"\n${usage}` : usage);
const nameAt = rest.indexOf('--name');
const name = nameAt >= 0 ? rest[nameAt + 1] : undefined;
if (nameAt >= 0 && !name) fail(`--name needs a value\n${usage}`);
const positional = nameAt >= 0 ? rest.filter((_, i) => i !== nameAt && i !== nameAt + 1) : rest;
if (positional.length !== 1) fail(usage);
const email = positional[0] ?? '';

const prisma = createPrismaClient();
try {
  const outcome = await createInstructor(prisma, { email, ...(name ? { name } : {}) }, hashPassword);
  if (outcome.created) {
    console.log(`created the instructor account ${email.trim().toLowerCase()}`);
    console.log(`  password: ${outcome.password}   (shown once: sign in and keep it safe)`);
  } else console.log(`${email.trim().toLowerCase()} is now a site instructor`);
} catch (error) {
  if (error instanceof ClassError) fail(error.message);
  if (/no such table|does not exist/i.test(String(error)))
    fail('the database has no tables yet: run `npm start` once (or `npm run db:setup -w @gradlab/prisma`)');
  throw error;
} finally {
  await prisma.$disconnect();
}
