import { z } from 'zod';
import { handle, readJson, requireApiInstructor } from '../../../../../../lib/api.ts';
import { gradeManually } from '../../../../../../lib/assessment-results.ts';

const body = z
  .object({
    attemptId: z.string().max(64),
    position: z.number().int().min(0),
    part: z.string().max(20),
    items: z.array(z.string().max(64)).max(50),
    comment: z.string().max(2000).default(''),
  })
  .strict();

/** POST: grades a free-text part (or a reason) with rubric items; replaces an earlier grade. */
export const POST = handle(async (request) => {
  const user = await requireApiInstructor(request);
  const input = await readJson(request, body);
  return Response.json(await gradeManually({ ...input, graderId: user.id }));
});
