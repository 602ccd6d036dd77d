// A grader worker thread for the pool (src/pool.ts). It loads the TypeScript sources through
// tsx, so the sandbox finds its guest entry next to its own source file, bundled or not.
import { register } from 'tsx/esm/api';

register();
const { default: grade } = await import('../src/worker.ts');
export default grade;
