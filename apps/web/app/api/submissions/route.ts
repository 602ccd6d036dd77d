import { z } from 'zod';
import { HttpError, handle, MAX_CODE_BYTES, readJson, requireApiUser } from '../../../lib/api.ts';
import { examLockingExercise } from '../../../lib/attempts.ts';
import { db } from '../../../lib/db.ts';
import { exerciseIdSchema, findExercise, syncExerciseRow } from '../../../lib/exercises.ts';
import { storeAndGrade } from '../../../lib/grading.ts';
import { createRateLimit } from '../../../lib/rate-limit.ts';
import { summary } from '../../../lib/submissions.ts';

const submitBody = z.object({
  exerciseId: exerciseIdSchema,
  language: z.enum(['ts', 'js']).default('ts'),
  code: z
    .string()
    .min(1, 'code is empty')
    .refine(
      (code) => Buffer.byteLength(code) <= MAX_CODE_BYTES,
      `code must be at most ${MAX_CODE_BYTES} bytes`,
    ),
});

const submitLimit = createRateLimit({
  name: 'submit',
  limit: Number(process.env.GRADLAB_SUBMIT_LIMIT ?? 10),
  windowMs: 60_000,
});

/** POST `{ exerciseId, code, language? }`: stores a submission (queued) and starts grading it. */
export const POST = handle(async (request) => {
  const user = await requireApiUser(request);
  const body = await readJson(request, submitBody);
  const meta = findExercise(body.exerciseId);
  if (!meta) throw new HttpError(404, `no exercise "${body.exerciseId}"`);
  const exam = await examLockingExercise(user.id, meta.id);
  if (exam)
    throw new HttpError(
      403,
      `submissions of this exercise wait until your exam "${exam}" is submitted (it asks you to write it)`,
    );
  const allowed = await submitLimit.take(user.id);
  if (!allowed.ok) {
    return Response.json(
      { error: `too many submissions: try again in ${allowed.retryAfterS} s` },
      { status: 429, headers: { 'retry-after': String(allowed.retryAfterS) } },
    );
  }
  const prisma = db();
  await syncExerciseRow(prisma, meta);
  const submission = await storeAndGrade(
    { userId: user.id, exerciseId: meta.id, code: body.code, language: body.language },
    prisma,
  );
  return Response.json(summary(submission), { status: 202 });
});

/** GET `?exerciseId=`: the signed-in user's own submissions, newest first. */
export const GET = handle(async (request) => {
  const user = await requireApiUser(request);
  const exerciseId = new URL(request.url).searchParams.get('exerciseId');
  if (exerciseId !== null && !exerciseIdSchema.safeParse(exerciseId).success) {
    throw new HttpError(400, 'exerciseId: not an exercise id');
  }
  const rows = await db().submission.findMany({
    where: { userId: user.id, ...(exerciseId ? { exerciseId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  return Response.json({ submissions: rows.map(summary) });
});
