/**
 * Learner-facing stack traces: positions in the compiled module are mapped back to the learner's
 * source; frames of the harness, of the engine bundle and of esbuild's helpers are dropped.
 */
import { LEARNER_SCRIPT } from './compile.ts';
import type { SourceMap } from './source-map.ts';

const FRAME = /^\s*at /;
const LEARNER_POSITION = new RegExp(`${LEARNER_SCRIPT.replace('.', '\\.')}:(\\d+):(\\d+)`, 'g');

/** Rewrites every `learner.js:L:C` in a frame; undefined when one of them is not learner code. */
function mapFrame(frame: string, map: SourceMap, filename: string): string | undefined {
  let unmapped = false;
  const mapped = frame.replace(LEARNER_POSITION, (_, line: string, column: string) => {
    const position = map.original(Number(line), Number(column));
    if (!position) {
      unmapped = true;
      return '';
    }
    return `${filename}:${position.line}:${position.column}`;
  });
  return unmapped ? undefined : mapped.replace(/^\s*/, '    ');
}

/** The frames of a V8 stack that belong to the learner, mapped to their source ('' when none). */
export function learnerStack(stack: string, map: SourceMap, filename: string): string {
  const frames: string[] = [];
  let pendingNative: string[] = [];
  for (const line of stack.split('\n')) {
    if (!FRAME.test(line)) continue;
    if (line.includes(LEARNER_SCRIPT)) {
      const mapped = mapFrame(line, map, filename);
      if (mapped === undefined) continue;
      frames.push(...pendingNative, mapped);
      pendingNative = [];
    } else if (line.includes('<anonymous>') && !line.includes('gradlab-guest')) {
      // A built-in between two learner frames (e.g. Array.map calling the learner's callback).
      if (frames.length > 0) pendingNative.push(line.replace(/^\s*/, '    '));
    }
  }
  return frames.join('\n');
}

/** The first learner position of a stack, as "line L, column C", for one-line messages. */
export function firstLearnerPosition(stack: string): string | undefined {
  const match = /:(\d+):(\d+)\)?$/m.exec(stack);
  return match ? `line ${match[1]}, column ${match[2]}` : undefined;
}
