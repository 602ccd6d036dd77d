import { handle, requireApiInstructor } from '../../../../lib/api.ts';
import { db } from '../../../../lib/db.ts';
import { gradebookCsv } from '../../../../lib/gradebook.ts';
import { loadGradebook } from '../../../../lib/instructor-data.ts';

/** GET: the gradebook (best score per student and exercise) as a CSV download. */
export const GET = handle(async (request) => {
  await requireApiInstructor(request);
  const { rows, columns } = await loadGradebook(db());
  const date = new Date().toISOString().slice(0, 10);
  return new Response(gradebookCsv(rows, columns), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradlab-gradebook-${date}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
