import { z } from 'zod';
import { handle, readJson } from '../../../../../lib/api.ts';
import { requireClassApi } from '../../../../../lib/classes.ts';
import { removeSchedule, saveSchedule } from '../../../../../lib/schedule.ts';

type Context = { params: Promise<{ id: string }> };

const date = z.string().datetime({ offset: true, message: 'an ISO date-time' }).nullable();
const saveBody = z
  .object({
    assessmentId: z.string().min(1).max(100),
    opensAt: date,
    closesAt: date,
    latePercentPerDay: z.number().finite().min(0, 'at least 0').max(100, 'at most 100').nullable(),
    lateDays: z.number().int('whole days').min(0).max(60, 'at most 60 days'),
    feedback: z.enum(['during', 'after-submission', 'after-close']).nullable(),
  })
  .strict();
const removeBody = z.object({ assessmentId: z.string().min(1).max(100) }).strict();

/** POST: schedules an assessment in the class or changes its dates and policies; instructors only, audited. */
export const POST = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const input = await readJson(request, saveBody);
  await saveSchedule(id, user.id, {
    ...input,
    opensAt: input.opensAt ? new Date(input.opensAt) : null,
    closesAt: input.closesAt ? new Date(input.closesAt) : null,
  });
  return Response.json({ scheduled: input.assessmentId });
});

/** DELETE: takes an assessment off the class's schedule (attempts already made stay); instructors only. */
export const DELETE = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const { assessmentId } = await readJson(request, removeBody);
  await removeSchedule(id, user.id, assessmentId);
  return new Response(null, { status: 204 });
});
