export { fromPrisma } from 'pg-boss';
export {
  DEAD_LETTER_QUEUE,
  GRADING_QUEUE,
  type GradingJob,
  logQueueEvent,
  PRIORITY,
  QUEUE_POLICY,
  queueSchema,
  startBoss,
} from './boss.ts';
export { GradingQueueClient, type QueueOverview } from './client.ts';
export { gradeStoredSubmission, markUngradable } from './stored.ts';
export { startWorker, UNGRADABLE_MESSAGE } from './worker.ts';
