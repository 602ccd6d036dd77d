import { handle, requireApiInstructor } from '../../../../lib/api.ts';
import { db } from '../../../../lib/db.ts';
import { findSubmissions } from '../../../../lib/instructor-data.ts';
import { summary } from '../../../../lib/submissions.ts';

/** GET `?student=&exercise=&status=&from=&to=`: submissions of everyone, newest first. */
export const GET = handle(async (request) => {
  await requireApiInstructor(request);
  const q = new URL(request.url).searchParams;
  const rows = await findSubmissions(db(), {
    student: q.get('student') ?? undefined,
    exercise: q.get('exercise') ?? undefined,
    status: q.get('status') ?? undefined,
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
  });
  return Response.json({
    submissions: rows.map((s) => ({ ...summary(s), student: { name: s.user.name, email: s.user.email } })),
  });
});
