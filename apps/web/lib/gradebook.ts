/** One row per student: their best score on each exercise (null when never submitted). */
export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  best: Record<string, number | null>;
  total: number;
}

export interface GradedSubmission {
  userId: string;
  exerciseId: string;
  score: number | null;
}

export function buildGradebook(
  students: { id: string; name: string; email: string }[],
  exerciseIds: string[],
  submissions: GradedSubmission[],
): GradebookRow[] {
  const best = new Map<string, number>();
  for (const s of submissions) {
    if (s.score === null) continue;
    const key = `${s.userId}\u0000${s.exerciseId}`;
    best.set(key, Math.max(best.get(key) ?? Number.NEGATIVE_INFINITY, s.score));
  }
  return students.map((student) => {
    const row: Record<string, number | null> = {};
    let total = 0;
    for (const id of exerciseIds) {
      const score = best.get(`${student.id}\u0000${id}`) ?? null;
      row[id] = score;
      total += score ?? 0;
    }
    return { userId: student.id, name: student.name, email: student.email, best: row, total };
  });
}

/** A CSV field (RFC 4180), with spreadsheet formula injection defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An exercise as a gradebook column. */
export interface GradebookColumn {
  id: string;
  title: string;
  points: number;
}

/**
 * The gradebook as CSV for spreadsheets: a UTF-8 byte order mark (so that non-ASCII names are
 * read as UTF-8), a header with the exercises' titles, a row with each exercise's maximum
 * points, then one row per student.
 */
export function gradebookCsv(rows: GradebookRow[], columns: GradebookColumn[]): string {
  const header = ['name', 'email', ...columns.map((c) => c.title), 'total'];
  const maxTotal = columns.reduce((sum, c) => sum + c.points, 0);
  const lines = [
    header.map(csvField).join(','),
    ['max points', '', ...columns.map((c) => c.points), maxTotal].map(csvField).join(','),
  ];
  for (const row of rows) {
    lines.push(
      [row.name, row.email, ...columns.map((c) => row.best[c.id] ?? null), row.total].map(csvField).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
