import type { ClassRole, RosterEntry } from '@gradlab/prisma';
import { parse } from 'csv-parse/sync';

export interface RosterProblem {
  line: number;
  message: string;
}

const roles: Record<string, ClassRole> = {
  student: 'student',
  ta: 'ta',
  'teaching assistant': 'ta',
  instructor: 'instructor',
};
const looksLikeEmail = (text: string) => /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(text);

/** Most rows one upload may hold. */
export const MAX_ROSTER_ROWS = 2000;

/**
 * Reads a roster CSV as instructors export it from a student system or a spreadsheet: a header
 * row naming an `email` column (also "e-mail", "email address"), optionally `name` and `role`
 * (student, TA, instructor); or, without a header, one email per line. Every bad row is
 * reported with its line number and nothing is added when any row is bad.
 */
export function parseRoster(text: string): { entries: RosterEntry[]; problems: RosterProblem[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { entries: [], problems: [{ line, message: `not readable as CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { entries: [], problems: [{ line: 1, message: 'the roster is empty' }] };
  if (records.length > MAX_ROSTER_ROWS + 1)
    return {
      entries: [],
      problems: [{ line: MAX_ROSTER_ROWS + 2, message: `at most ${MAX_ROSTER_ROWS} rows per upload` }],
    };
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const emailColumn = header.findIndex((h) => ['email', 'e-mail', 'email address', 'mail'].includes(h));
  const hasHeader = emailColumn >= 0;
  if (!hasHeader && !looksLikeEmail(records[0]?.[0] ?? ''))
    return {
      entries: [],
      problems: [
        { line: 1, message: 'no "email" column: name it in a header row, or give one email per line' },
      ],
    };
  const column = hasHeader ? emailColumn : 0;
  const nameColumn = hasHeader ? header.indexOf('name') : -1;
  const roleColumn = hasHeader ? header.indexOf('role') : -1;
  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  records.slice(hasHeader ? 1 : 0).forEach((record, i) => {
    const line = i + (hasHeader ? 2 : 1);
    const email = record[column] ?? '';
    if (!looksLikeEmail(email)) {
      problems.push({ line, message: email ? `"${email}" is not an email address` : 'the email is missing' });
      return;
    }
    const roleText = roleColumn >= 0 ? (record[roleColumn] ?? '').toLowerCase() : '';
    const role = roleText ? roles[roleText] : 'student';
    if (!role) {
      problems.push({ line, message: `role "${record[roleColumn]}" is not student, TA or instructor` });
      return;
    }
    const name = nameColumn >= 0 ? record[nameColumn] : undefined;
    entries.push({ email, role, ...(name ? { name } : {}) });
  });
  return problems.length > 0 ? { entries: [], problems } : { entries, problems };
}
