import type { Responses } from '@gradlab/content';
import { gradeVariantWithCode, keyResponse, loadQuestion, makeVariant, renderVariant } from '@gradlab/grader';
import { z } from 'zod';
import { HttpError, handle, readJson, requireApiUser } from '../../../../../../lib/api.ts';
import {
  type DrawnQuestion,
  loadAssessment,
  ownAttempt,
  practiceValue,
} from '../../../../../../lib/attempts.ts';
import { db } from '../../../../../../lib/db.ts';
import { codeRunner, PRIORITY } from '../../../../../../lib/grading.ts';
import { classAssessmentAccess, feedbackPolicy } from '../../../../../../lib/schedule.ts';

type Context = { params: Promise<{ id: string; position: string }> };

const body = z.object({ responses: z.record(z.string().max(20), z.unknown()) }).strict();

/**
 * POST: grades one question of an open attempt now (feedback per question).
 * - practice: the result, the key and the worked solution; the try's points (at its variant's
 *   value) are kept when they beat an earlier try.
 * - a graded attempt whose feedback policy is "during" (homework): the result only, no key and no
 *   solution, and the answers stay editable.
 * Any other attempt refuses (403): its keys stay on the server until it is submitted.
 */
export const POST = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id, position } = await params;
  const attempt = await ownAttempt(id, user.id);
  const meta = loadAssessment(attempt.assessmentId);
  if (attempt.status !== 'open') throw new HttpError(409, 'this attempt is submitted');
  const questions = JSON.parse(attempt.questions) as DrawnQuestion[];
  const index = Number(position);
  const drawn = Number.isInteger(index) ? questions[index] : undefined;
  if (!drawn) throw new HttpError(400, 'position: no such question in the attempt');
  const { responses } = await readJson(request, body);
  const question = loadQuestion(drawn.questionId);
  const variant = makeVariant(question, drawn.seed);
  const grade = await gradeVariantWithCode(
    variant,
    responses as Responses,
    codeRunner(user.id, attempt.mode === 'practice' ? PRIORITY.practice : PRIORITY.exam),
  );
  if (attempt.mode !== 'practice') {
    const inClass = attempt.classId
      ? await classAssessmentAccess(user.id, attempt.classId, meta).catch(() => null)
      : null;
    if (feedbackPolicy(meta, inClass?.entry ?? null) !== 'during')
      throw new HttpError(403, 'feedback per question is for practice attempts only');
    if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= Date.now())
      throw new HttpError(410, 'the time is up');
    return Response.json({ grade, keys: null, solutionCode: null });
  }
  const value = practiceValue(meta, drawn.variant ?? 0);
  const earned =
    grade.maxScore > 0 ? Math.round((grade.score / grade.maxScore) * drawn.points * value * 100) / 100 : 0;
  if (earned > (drawn.best ?? 0)) {
    questions[index] = { ...drawn, best: earned };
    await db().attempt.update({ where: { id }, data: { questions: JSON.stringify(questions) } });
  }
  return Response.json({
    grade,
    earned,
    value,
    keys: Object.fromEntries(
      Object.entries(variant.parts).map(([partId, part]) => [partId, keyResponse(part)]),
    ),
    solutionCode: await renderVariant(question, variant, 'solution'),
  });
});
