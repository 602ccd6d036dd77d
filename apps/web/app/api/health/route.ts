import { db } from '../../../lib/db.ts';
import { gradingOverview } from '../../../lib/grading.ts';

export const dynamic = 'force-dynamic';

/** Time-boxes a check: a database that does not answer is reported as down, not waited for. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * GET: is this web process able to serve? 200 when the database answers (and, with the queue,
 * the queue), 503 otherwise; the body says which part failed. Public, for load balancers and
 * monitors: it shows counts only, no names or hosts.
 */
export async function GET(): Promise<Response> {
  const started = performance.now();
  const body: Record<string, unknown> = {};
  let ok = true;
  try {
    await within(3000, db().$queryRawUnsafe('SELECT 1'));
    body.database = { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    ok = false;
    body.database = { ok: false, error: (error as Error).message };
  }
  if (ok) {
    try {
      const overview = await within(3000, gradingOverview());
      body.grading = {
        ok: true,
        mode: overview.mode,
        submissions: overview.submissions,
        ...(overview.queue
          ? {
              queue: {
                queued: overview.queue.queued,
                active: overview.queue.active,
                failed: overview.queue.failed,
              },
              workers: overview.queue.workers.length,
            }
          : { processes: overview.processes }),
      };
      if (overview.queue && overview.queue.workers.length === 0)
        body.warnings = [
          'no grading worker is running: submissions wait until one starts (npx gradlab worker)',
        ];
    } catch (error) {
      ok = false;
      body.grading = { ok: false, error: (error as Error).message };
    }
  }
  return Response.json({ ok, ...body }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
