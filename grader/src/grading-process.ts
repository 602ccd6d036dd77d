/**
 * The main module of a grading process (started by process-pool.ts, never by hand). It grades
 * one request at a time, sent over the IPC channel, and answers with the result and its own
 * health: resident memory, and whether it is poisoned (see sandbox/process-health.ts). The
 * parent replaces a process that is poisoned, too big, or has graded its share.
 */
import { checkExerciseReport } from './check.ts';
import { type GradeRequest, gradeSubmission } from './grade.ts';
import type { ProcessHealth, ToChild, ToParent } from './grading-protocol.ts';
import { hostErrorMessage } from './run-tests.ts';
import { applySandboxV8Flags, poisonReason } from './sandbox/process-health.ts';
import { probeSandbox } from './sandbox-probe.ts';

applySandboxV8Flags({ gradingProcess: true });

function send(message: ToParent): void {
  process.send?.(message);
}

function health(): ProcessHealth {
  const poisoned = poisonReason();
  return { rssBytes: process.memoryUsage.rss(), ...(poisoned === undefined ? {} : { poisoned }) };
}

async function handle(message: ToChild): Promise<void> {
  try {
    const id = message.id;
    if (message.type === 'grade')
      send({
        type: 'done',
        id,
        kind: 'grade',
        result: await gradeSubmission(message.request as GradeRequest),
        health: health(),
      });
    else if (message.type === 'probe')
      send({ type: 'done', id, kind: 'probe', result: await probeSandbox(message.probe), health: health() });
    else
      send({
        type: 'done',
        id,
        kind: 'check',
        result: await checkExerciseReport(message.exerciseId),
        health: health(),
      });
  } catch (error) {
    send({ type: 'failed', id: message.id, error: hostErrorMessage(error), health: health() });
  }
}

// One job at a time: the parent sends the next one only after this one's answer.
process.on('message', (message: ToChild) => void handle(message));
// The parent is gone (it died or closed the pool): nothing left to grade for.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', health: health() });
