import 'server-only';
import { createPrismaClient, type PrismaClient } from '@gradlab/prisma';

const holder = globalThis as typeof globalThis & { gradlabPrisma?: PrismaClient };

/** The process-wide Prisma client (one SQLite connection, or a PostgreSQL pool, for the whole server). */
export function db(): PrismaClient {
  holder.gradlabPrisma ??= createPrismaClient();
  return holder.gradlabPrisma;
}
