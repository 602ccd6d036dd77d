import { HttpError, handle } from '../../../../../lib/api.ts';
import { requireClassApi } from '../../../../../lib/classes.ts';
import { db } from '../../../../../lib/db.ts';
import { canvasCsv, gradebookCsv, gradescopeCsv } from '../../../../../lib/gradebook.ts';
import { loadGradebook } from '../../../../../lib/instructor-data.ts';

type Context = { params: Promise<{ id: string }> };

const formats = ['csv', 'canvas', 'gradescope'] as const;

/** A file-name part from a class name: letters, digits and dashes. */
function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 40) || 'class'
  );
}

/**
 * GET: the class's gradebook (effective grades) as a download. `format`: `csv` (gradlab's, with
 * titles and a max-points row), `canvas` (Canvas/Moodle gradebook import) or `gradescope`
 * (Gradescope's score upload; `exercise=<id>` for one exercise, else the course total). Staff only.
 */
export const GET = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { courseClass } = await requireClassApi(request, id, 'ta');
  const url = new URL(request.url);
  const format = url.searchParams.get('format') ?? 'csv';
  if (!formats.includes(format as (typeof formats)[number]))
    throw new HttpError(400, `format: one of ${formats.join(', ')} (got "${format}")`);
  const { rows, columns } = await loadGradebook(db(), id);
  const exercise = url.searchParams.get('exercise');
  if (exercise !== null && !columns.some((c) => c.id === exercise))
    throw new HttpError(400, `exercise: no exercise "${exercise}"`);
  const body =
    format === 'canvas'
      ? canvasCsv(rows, columns, courseClass.name)
      : format === 'gradescope'
        ? gradescopeCsv(rows, columns, exercise)
        : gradebookCsv(rows, columns);
  const date = new Date().toISOString().slice(0, 10);
  const what =
    format === 'csv' ? 'gradebook' : format === 'gradescope' && exercise ? `gradescope-${exercise}` : format;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradlab-${slug(courseClass.name)}-${what}-${date}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
