/**
 * The gradebook: one row per student, one cell per exercise. A cell keeps the computed score
 * (the best submission's) and, when staff set one, the override beside it; the effective score
 * is the override's when it has a score, else the computed one. Exports: gradlab's CSV, a
 * Canvas gradebook import, and Gradescope's score upload.
 */

export interface OverrideNote {
  score: number | null;
  /** a personal deadline (ISO date-time) */
  dueAt: string | null;
  reason: string;
}

export interface GradebookCell {
  computed: number | null;
  override: OverrideNote | null;
  effective: number | null;
}

export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  /** the effective score per exercise (null: nothing to count) */
  best: Record<string, number | null>;
  cells: Record<string, GradebookCell>;
  total: number;
}

export interface GradedSubmission {
  userId: string;
  exerciseId: string;
  score: number | null;
}

export interface GradeOverrideRow {
  userId: string;
  exerciseId: string;
  score: number | null;
  dueAt: Date | string | null;
  reason: string;
}

const key = (userId: string, exerciseId: string) => `${userId}\u0000${exerciseId}`;

export function buildGradebook(
  students: { id: string; name: string; email: string }[],
  exerciseIds: string[],
  submissions: GradedSubmission[],
  overrides: GradeOverrideRow[] = [],
): GradebookRow[] {
  const best = new Map<string, number>();
  for (const s of submissions) {
    if (s.score === null) continue;
    const k = key(s.userId, s.exerciseId);
    best.set(k, Math.max(best.get(k) ?? Number.NEGATIVE_INFINITY, s.score));
  }
  const overridden = new Map<string, OverrideNote>();
  for (const o of overrides) {
    const dueAt = o.dueAt === null ? null : new Date(o.dueAt).toISOString();
    overridden.set(key(o.userId, o.exerciseId), { score: o.score, dueAt, reason: o.reason });
  }
  return students.map((student) => {
    const scores: Record<string, number | null> = {};
    const cells: Record<string, GradebookCell> = {};
    let total = 0;
    for (const id of exerciseIds) {
      const computed = best.get(key(student.id, id)) ?? null;
      const override = overridden.get(key(student.id, id)) ?? null;
      const effective = override?.score ?? computed;
      cells[id] = { computed, override, effective };
      scores[id] = effective;
      total += effective ?? 0;
    }
    return { userId: student.id, name: student.name, email: student.email, best: scores, cells, total };
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

/** CSV text: a UTF-8 byte order mark (spreadsheets then read non-ASCII names right), CRLF lines. */
function csv(lines: (string | number | null)[][]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * gradlab's gradebook CSV: a header with the exercises' titles, a row with each exercise's
 * maximum points, then one row per student with the effective scores.
 */
export function gradebookCsv(rows: GradebookRow[], columns: GradebookColumn[]): string {
  const maxTotal = columns.reduce((sum, c) => sum + c.points, 0);
  return csv([
    ['name', 'email', ...columns.map((c) => c.title), 'total'],
    ['max points', '', ...columns.map((c) => c.points), maxTotal],
    ...rows.map((row) => [row.name, row.email, ...columns.map((c) => row.best[c.id] ?? null), row.total]),
  ]);
}

/**
 * A Canvas gradebook import (also read by Moodle's CSV grade import, mapping "SIS Login ID" to
 * the email): Canvas's columns Student, ID, SIS User ID, SIS Login ID, Section, then one column
 * per assignment named "Title (id)", and a "Points Possible" row under the header. Students are
 * matched by SIS Login ID (the email); ID is left empty because gradlab does not know Canvas's
 * ids. Section is the class's name.
 */
export function canvasCsv(rows: GradebookRow[], columns: GradebookColumn[], section: string): string {
  return csv([
    [
      'Student',
      'ID',
      'SIS User ID',
      'SIS Login ID',
      'Section',
      ...columns.map((c) => `${c.title} (${c.id})`),
    ],
    ['Points Possible', '', '', '', '', ...columns.map((c) => c.points)],
    ...rows.map((row) => [
      row.name,
      '',
      '',
      row.email,
      section,
      ...columns.map((c) => row.best[c.id] ?? null),
    ]),
  ]);
}

/**
 * Gradescope's score upload for one assignment (its "Upload scores" CSV, matched by email):
 * Name, SID, Email, Total Score, and Max Points. One exercise, or the whole course as one
 * assignment when `column` is null.
 */
export function gradescopeCsv(
  rows: GradebookRow[],
  columns: GradebookColumn[],
  column: string | null,
): string {
  const chosen = column === null ? columns : columns.filter((c) => c.id === column);
  const max = chosen.reduce((sum, c) => sum + c.points, 0);
  return csv([
    ['Name', 'SID', 'Email', 'Total Score', 'Max Points'],
    ...rows.map((row) => {
      const scores = chosen.map((c) => row.best[c.id]);
      const total = scores.every((s) => s === null || s === undefined)
        ? null
        : scores.reduce<number>((sum, s) => sum + (s ?? 0), 0);
      return [row.name, '', row.email, total, max];
    }),
  ]);
}
