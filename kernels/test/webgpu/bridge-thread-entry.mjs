// Loads a TypeScript worker-thread module through tsx (Node 20 does not pass the parent's
// `--import tsx` hooks on to worker threads).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
