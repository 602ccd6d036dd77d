import { handle, requireApiInstructor } from '../../../../../../lib/api.ts';
import { assessmentResults, resultsCsv } from '../../../../../../lib/assessment-results.ts';
import { loadAssessment } from '../../../../../../lib/attempts.ts';
import { requireClassApi } from '../../../../../../lib/classes.ts';
import { csvField } from '../../../../../../lib/gradebook.ts';

type Context = { params: Promise<{ id: string }> };

/** GET: an assessment's results as CSV (one row per submitted timed attempt); `?class=` for a class's staff. */
export const GET = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const classId = new URL(request.url).searchParams.get('class') ?? undefined;
  if (classId) await requireClassApi(request, classId, 'ta');
  else await requireApiInstructor(request);
  loadAssessment(id);
  const csv = resultsCsv(await assessmentResults(id, undefined, classId), csvField);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradlab-${id}-results-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
