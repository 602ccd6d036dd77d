/// <reference lib="webworker" />
// The learner's Run, off the page's thread: the public cases and the gradient self-check with
// the engine, on compiled JavaScript. The page terminates this worker when it runs too long.
import { type RunKit, runInBrowser } from '@gradlab/grader/browser';

export interface RunRequest {
  kit: RunKit;
  js: string;
}

export type RunReply =
  | { ok: true; result: Awaited<ReturnType<typeof runInBrowser>> }
  | { ok: false; message: string };

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  let reply: RunReply;
  try {
    reply = { ok: true, result: await runInBrowser(event.data.kit, event.data.js) };
  } catch (error) {
    reply = {
      ok: false,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
  self.postMessage(reply);
};
