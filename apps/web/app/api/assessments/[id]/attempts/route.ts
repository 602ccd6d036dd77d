import { z } from 'zod';
import { handle, readJson, requireApiUser } from '../../../../../lib/api.ts';
import { startAttempt } from '../../../../../lib/attempts.ts';

type Context = { params: Promise<{ id: string }> };

const body = z
  .object({ mode: z.enum(['timed', 'practice']), classId: z.string().min(1).max(64).optional() })
  .strict();

/**
 * POST: starts an attempt (201), or answers the open one (200): one open attempt per mode (and
 * class). With `classId`, the attempt counts for that class, within its schedule.
 */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  const { mode, classId } = await readJson(request, body);
  const started = await startAttempt(user.id, id, mode, undefined, classId ?? null);
  return Response.json(started, { status: started.resumed ? 200 : 201 });
});
