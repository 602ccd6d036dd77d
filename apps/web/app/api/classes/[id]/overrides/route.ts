import { clearOverride, setOverride } from '@gradlab/prisma';
import { z } from 'zod';
import { HttpError, handle, readJson } from '../../../../../lib/api.ts';
import { classOperation, requireClassApi } from '../../../../../lib/classes.ts';
import { db } from '../../../../../lib/db.ts';
import { findExercise } from '../../../../../lib/exercises.ts';
import { classSchedule } from '../../../../../lib/schedule.ts';

type Context = { params: Promise<{ id: string }> };

const target = { userId: z.string().max(64), exerciseId: z.string().max(100) };
const setBody = z
  .object({
    ...target,
    score: z.number().finite().min(0, 'at least 0').nullable(),
    dueAt: z.string().datetime({ offset: true, message: 'an ISO date-time' }).nullable(),
    reason: z.string().trim().min(1, 'say why').max(500, 'at most 500 characters'),
  })
  .strict();
const clearBody = z.object(target).strict();

/** The column's points: an exercise, or an assessment the class scheduled (`assessment:<id>`). */
async function exercisePoints(classId: string, exerciseId: string): Promise<number> {
  if (exerciseId.startsWith('assessment:')) {
    const assessmentId = exerciseId.slice('assessment:'.length);
    const scheduled = (await classSchedule(classId)).find((s) => s.meta.id === assessmentId);
    if (!scheduled) throw new HttpError(400, `exerciseId: the class has not scheduled "${assessmentId}"`);
    return scheduled.meta.points;
  }
  const exercise = findExercise(exerciseId);
  if (!exercise) throw new HttpError(400, `exerciseId: no exercise "${exerciseId}"`);
  return exercise.points;
}

/** POST: sets a student's override (a score that counts, an extension, or both) with a reason; TAs and instructors. */
export const POST = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'ta');
  const input = await readJson(request, setBody);
  const points = await exercisePoints(id, input.exerciseId);
  if (input.score !== null && input.score > points)
    throw new HttpError(400, `score: at most the exercise's ${points} points`);
  await classOperation(() =>
    setOverride(db(), {
      classId: id,
      userId: input.userId,
      exerciseId: input.exerciseId,
      score: input.score,
      dueAt: input.dueAt === null ? null : new Date(input.dueAt),
      reason: input.reason,
      actorId: user.id,
    }),
  );
  return Response.json({ ok: true });
});

/** DELETE: removes an override; the computed score counts again. */
export const DELETE = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'ta');
  const input = await readJson(request, clearBody);
  await classOperation(() => clearOverride(db(), { classId: id, ...input }, user.id));
  return new Response(null, { status: 204 });
});
