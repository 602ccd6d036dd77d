import fs from 'node:fs';
import { exerciseSources } from '@gradlab/content';
import { HttpError, handle, requireApiInstructor } from '../../../../../../lib/api.ts';
import { findExercise } from '../../../../../../lib/exercises.ts';
import { gradeNow } from '../../../../../../lib/grading.ts';

type Context = { params: Promise<{ id: string }> };

/** POST: grades the exercise's reference solution now, through the same grader as students. */
export const POST = handle<Context>(async (request, { params }) => {
  await requireApiInstructor(request);
  const { id } = await params;
  if (!findExercise(id)) throw new HttpError(404, `no exercise "${id}"`);
  const code = fs.readFileSync(exerciseSources(id).solutionFile, 'utf8');
  return Response.json(await gradeNow({ exerciseId: id, code, language: 'ts' }));
});
