export type {
  Accommodation,
  Account,
  AuditEntry,
  ClassAssessment,
  ClassInvite,
  CourseClass,
  Draft,
  Enrollment,
  Exercise,
  GradeOverride,
  PrismaClient,
  Session,
  Submission,
  User,
} from '../generated/client.ts';
export * from './classes.ts';
export { createPrismaClient } from './client.ts';
export { databaseUrl, defaultDatabaseFile, isPostgresUrl, sqliteFile } from './database-url.ts';
export { demoUsers } from './demo-users.ts';
export { deployMigrations } from './migrate.ts';
export { migratePostgres } from './migrate-pg.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { demoClass, passwordHashOf, seedDemoClass, seedDemoUsers } from './seed-demo.ts';
