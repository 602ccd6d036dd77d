export type {
  Account,
  Draft,
  Exercise,
  PrismaClient,
  Session,
  Submission,
  User,
} from '../generated/client.ts';
export { createPrismaClient } from './client.ts';
export { databaseUrl, defaultDatabaseFile, sqliteFile } from './database-url.ts';
export { demoUsers } from './demo-users.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { passwordHashOf, seedDemoUsers } from './seed-demo.ts';
