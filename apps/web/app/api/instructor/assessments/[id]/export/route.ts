import { handle, requireApiInstructor } from '../../../../../../lib/api.ts';
import { assessmentResults, resultsCsv } from '../../../../../../lib/assessment-results.ts';
import { loadAssessment } from '../../../../../../lib/attempts.ts';
import { csvField } from '../../../../../../lib/gradebook.ts';

type Context = { params: Promise<{ id: string }> };

/** GET: an assessment's results as CSV (one row per submitted timed attempt). */
export const GET = handle<Context>(async (request, { params }) => {
  await requireApiInstructor(request);
  const { id } = await params;
  loadAssessment(id);
  const csv = resultsCsv(await assessmentResults(id), csvField);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradlab-${id}-results-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
