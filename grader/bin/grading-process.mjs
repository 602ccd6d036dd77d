// A grading process for the pool (src/process-pool.ts): loads the TypeScript sources through
// tsx, then src/grading-process.ts takes requests over the IPC channel.
import { register } from 'tsx/esm/api';

register();
await import('../src/grading-process.ts');
