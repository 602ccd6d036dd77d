import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// The Prisma CLI for the PostgreSQL client (generated-pg/, written by scripts/generate.mjs): `prisma generate` and
// `prisma migrate diff --script` on the JS engine. Migrations are applied by src/migrate-pg.ts,
// because the CLI cannot migrate PostgreSQL with the JS engine here (see shared/STACK.md).
// The schema's env("DATABASE_URL") must be a PostgreSQL URL for the CLI to read it.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ''))
  process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, 'generated-pg', 'schema.prisma'),
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
