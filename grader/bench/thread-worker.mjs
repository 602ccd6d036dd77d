// A worker thread of the benchmark's thread-pool peer (thread-pool-peer.ts).
import { register } from 'tsx/esm/api';

register();
const { gradeSubmission } = await import('../src/grade.ts');
export default gradeSubmission;
