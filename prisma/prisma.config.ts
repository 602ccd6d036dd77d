import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { databaseUrl } from './src/database-url.ts';

// The Prisma CLI runs on the JS engine with the better-sqlite3 driver adapter: the native
// schema-engine binary cannot be downloaded on these machines (see shared/STACK.md).
// Resolve (and export to process.env) the URL before the CLI reads the schema's env("DATABASE_URL").
const url = databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
