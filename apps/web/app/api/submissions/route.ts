import type { Submission } from '@gradlab/prisma';
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

/** Idempotency-Key: what a client may send (a UUID or any short token). */
const REQUEST_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

function requestKeyOf(request: Request): string | null {
  const key = request.headers.get('idempotency-key');
  if (key === null) return null;
  if (!REQUEST_KEY.test(key))
    throw new HttpError(
      400,
      'Idempotency-Key header: 8 to 100 letters, digits or ._:- (a UUID, say), new for each submission',
    );
  return key;
}

type SubmitBody = z.infer<typeof submitBody>;

/** The answer to a retried request: the submission its first try stored, if it is the same one. */
function replay(earlier: Submission, body: SubmitBody, key: string): Response {
  if (
    earlier.exerciseId !== body.exerciseId ||
    earlier.code !== body.code ||
    earlier.language !== body.language
  )
    throw new HttpError(
      422,
      `Idempotency-Key "${key}" was already used for a different submission: send a new key with new code`,
    );
  return Response.json(summary(earlier), { status: 200, headers: { 'idempotent-replayed': 'true' } });
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2002';

/**
 * POST `{ exerciseId, code, language? }`: stores a submission (queued) and starts grading it
 * (202). With an `Idempotency-Key` header, a retry of a request whose answer was lost gets the
 * submission its first try stored (200, `Idempotent-Replayed: true`) instead of a second one.
 */
export const POST = handle(async (request) => {
  const user = await requireApiUser(request);
  const requestKey = requestKeyOf(request);
  const body = await readJson(request, submitBody);
  const meta = findExercise(body.exerciseId);
  if (!meta) throw new HttpError(404, `no exercise "${body.exerciseId}"`);
  const prisma = db();
  const earlierFor = (key: string) =>
    prisma.submission.findUnique({ where: { userId_requestKey: { userId: user.id, requestKey: key } } });
  if (requestKey) {
    const earlier = await earlierFor(requestKey);
    if (earlier) return replay(earlier, body, requestKey);
  }
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
  await syncExerciseRow(prisma, meta);
  try {
    const submission = await storeAndGrade(
      { userId: user.id, exerciseId: meta.id, code: body.code, language: body.language, requestKey },
      prisma,
    );
    return Response.json(summary(submission), { status: 202 });
  } catch (error) {
    // the same key in two requests at once: the other one stored it (this one's insert, and its
    // job, rolled back)
    const earlier = requestKey && isUniqueViolation(error) ? await earlierFor(requestKey) : null;
    if (earlier && requestKey) return replay(earlier, body, requestKey);
    throw error;
  }
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
