import { z } from 'zod';
import { handle, readJson } from '../../../../../lib/api.ts';
import { requireClassApi } from '../../../../../lib/classes.ts';
import { removeAccommodation, saveAccommodation } from '../../../../../lib/schedule.ts';

type Context = { params: Promise<{ id: string }> };

const target = {
  userId: z.string().min(1).max(64),
  /** an assessment id, or "*" for every assessment of the class */
  assessmentId: z.string().min(1).max(100),
};
const saveBody = z
  .object({
    ...target,
    timeFactor: z.number().finite().min(1, 'at least 1 (no less time than others)').max(4, 'at most 4'),
    extraMinutes: z.number().int('whole minutes').min(0).max(600, 'at most 600 minutes'),
    closesAt: z.string().datetime({ offset: true, message: 'an ISO date-time' }).nullable(),
  })
  .strict();
const removeBody = z.object(target).strict();

/** POST: sets a student's accommodation (extra time, a personal close date); instructors only, audited. */
export const POST = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const input = await readJson(request, saveBody);
  await saveAccommodation(id, user.id, {
    ...input,
    closesAt: input.closesAt ? new Date(input.closesAt) : null,
  });
  return Response.json({ saved: true });
});

/** DELETE: removes an accommodation; instructors only. */
export const DELETE = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const { userId, assessmentId } = await readJson(request, removeBody);
  await removeAccommodation(id, user.id, userId, assessmentId);
  return new Response(null, { status: 204 });
});
