import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGradebook, canvasCsv, csvField, gradebookCsv, gradescopeCsv } from '../lib/gradebook.ts';
import { createRateLimit } from '../lib/rate-limit.ts';
import { hintsIn, studentResult } from '../lib/result-view.ts';
import { parseRoster } from '../lib/roster-csv.ts';
import { RubricError, rubricPoints } from '../lib/rubric.ts';
import { submissionStats } from '../lib/submission-stats.ts';

const result = {
  exercise: 'affine-layer',
  status: 'graded',
  score: 4,
  maxScore: 10,
  durationMs: 12,
  tests: [
    {
      name: 'public case',
      visibility: 'public',
      passed: false,
      points: 0,
      maxPoints: 2,
      message: 'out differs\nHint: add b',
    },
    {
      name: 'secret case name',
      visibility: 'hidden',
      passed: false,
      points: 0,
      maxPoints: 2,
      message: 'Hint: add b',
      metrics: { out: 1 },
    },
    { name: 'another secret', visibility: 'hidden', passed: true, points: 2, maxPoints: 2, message: 'ok' },
  ],
};

describe('what a student sees of a result', () => {
  it('keeps public tests and reduces hidden ones to pass/fail without names or messages', () => {
    const view = studentResult(result);
    expect(view?.tests[0]).toEqual(result.tests[0]);
    expect(view?.tests.slice(1)).toEqual([
      {
        name: 'hidden test 1',
        visibility: 'hidden',
        passed: false,
        points: 0,
        maxPoints: 2,
        message: 'failed',
      },
      {
        name: 'hidden test 2',
        visibility: 'hidden',
        passed: true,
        points: 2,
        maxPoints: 2,
        message: 'passed',
      },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/secret/);
  });

  it('shows a grader failure message, and nothing for a missing result', () => {
    expect(studentResult({ message: 'the grader failed' })?.message).toBe('the grader failed');
    expect(studentResult(null)).toBeNull();
  });
});

describe('instructor statistics', () => {
  it('counts failures per test and each fired hint once per submission', () => {
    const stats = submissionStats([
      { exerciseId: 'affine-layer', result },
      {
        exerciseId: 'affine-layer',
        result: { ...result, tests: result.tests.map((t) => ({ ...t, passed: true, message: '' })) },
      },
      { exerciseId: 'affine-layer', result: null },
    ]);
    expect(stats.tests.find((t) => t.test === 'public case')).toMatchObject({ runs: 2, failures: 1 });
    expect(stats.hints).toEqual([{ exerciseId: 'affine-layer', hint: 'add b', count: 1 }]);
    expect(hintsIn('a\n  Hint: x\nHint: y')).toEqual(['x', 'y']);
  });
});

describe('the gradebook', () => {
  it('keeps the best score per student and exercise, and exports CSV', () => {
    const rows = buildGradebook(
      [
        { id: 'u1', name: 'Ada, "the" first', email: 'ada@x' },
        { id: 'u2', name: '=cmd()', email: 'eve@x' },
      ],
      ['affine-layer', 'softmax'],
      [
        { userId: 'u1', exerciseId: 'affine-layer', score: 4 },
        { userId: 'u1', exerciseId: 'affine-layer', score: 10 },
        { userId: 'u1', exerciseId: 'affine-layer', score: 6 },
        { userId: 'u1', exerciseId: 'softmax', score: null },
      ],
    );
    expect(rows[0]?.best).toEqual({ 'affine-layer': 10, softmax: null });
    expect(rows[0]?.total).toBe(10);
    const columns = [
      { id: 'affine-layer', title: 'The affine layer', points: 10 },
      { id: 'softmax', title: 'Softmax, stable', points: 8 },
    ];
    expect(gradebookCsv(rows, columns)).toBe(
      '\uFEFFname,email,The affine layer,"Softmax, stable",total\r\n' +
        'max points,,10,8,18\r\n' +
        '"Ada, ""the"" first",ada@x,10,,10\r\n\'=cmd(),eve@x,,,0\r\n',
    );
    expect(csvField(-1)).toBe('-1');
  });
});

describe('the submit rate limit', () => {
  afterEach(() => vi.useRealTimers());
  it('allows `limit` attempts per window and per key', async () => {
    vi.useFakeTimers({ now: 0 });
    const limit = createRateLimit({ name: 'test-submit', limit: 2, windowMs: 60_000 });
    expect((await limit.take('a')).ok).toBe(true);
    expect((await limit.take('a')).ok).toBe(true);
    expect(await limit.take('a')).toEqual({ ok: false, retryAfterS: 60 });
    expect((await limit.take('b')).ok).toBe(true);
    vi.setSystemTime(60_001);
    expect((await limit.take('a')).ok).toBe(true);
  });
});

describe('overrides and the LMS exports', () => {
  const columns = [
    { id: 'affine-layer', title: 'The affine layer', points: 10 },
    { id: 'softmax', title: 'Softmax, stable', points: 8 },
  ];
  const rows = buildGradebook(
    [
      { id: 'u1', name: 'Ada', email: 'ada@x.org' },
      { id: 'u2', name: 'Émile', email: 'emile@x.org' },
    ],
    ['affine-layer', 'softmax'],
    [
      { userId: 'u1', exerciseId: 'affine-layer', score: 6 },
      { userId: 'u2', exerciseId: 'softmax', score: 8 },
    ],
    [
      { userId: 'u1', exerciseId: 'affine-layer', score: 9, dueAt: null, reason: 'regrade' },
      { userId: 'u2', exerciseId: 'affine-layer', score: null, dueAt: '2027-01-10T12:00:00Z', reason: 'ill' },
    ],
  );
  // what an importer reads: the CSV parsed back, without the byte order mark
  const read = (text: string) => parse(text.replace(/^\uFEFF/, '')) as string[][];

  it('keeps the computed score beside an override, and counts the override', () => {
    expect(rows[0]?.cells['affine-layer']).toEqual({
      computed: 6,
      override: { score: 9, dueAt: null, reason: 'regrade' },
      effective: 9,
    });
    expect(rows[0]?.total).toBe(9);
    // an extension alone changes no score
    expect(rows[1]?.cells['affine-layer']).toMatchObject({ computed: null, effective: null });
    expect(rows[1]?.cells['affine-layer']?.override?.dueAt).toBe('2027-01-10T12:00:00.000Z');
    expect(rows[1]?.total).toBe(8);
  });

  it('exports a Canvas gradebook import with a Points Possible row', () => {
    expect(read(canvasCsv(rows, columns, 'Winter 2026'))).toEqual([
      [
        'Student',
        'ID',
        'SIS User ID',
        'SIS Login ID',
        'Section',
        'The affine layer (affine-layer)',
        'Softmax, stable (softmax)',
      ],
      ['Points Possible', '', '', '', '', '10', '8'],
      ['Ada', '', '', 'ada@x.org', 'Winter 2026', '9', ''],
      ['Émile', '', '', 'emile@x.org', 'Winter 2026', '', '8'],
    ]);
  });

  it("exports Gradescope's score upload, per exercise or for the course", () => {
    expect(read(gradescopeCsv(rows, columns, 'softmax'))).toEqual([
      ['Name', 'SID', 'Email', 'Total Score', 'Max Points'],
      ['Ada', '', 'ada@x.org', '', '8'],
      ['Émile', '', 'emile@x.org', '8', '8'],
    ]);
    expect(read(gradescopeCsv(rows, columns, null)).map((r) => r[3])).toEqual(['Total Score', '9', '8']);
  });
});

describe('roster uploads', () => {
  it('reads a roster with a header (email, name, role), in any column order', () => {
    expect(parseRoster('\uFEFFName,Role,E-mail\r\nAda,TA,ada@x.org\r\n"Lee, Kim",,kim@x.org\r\n')).toEqual({
      entries: [
        { email: 'ada@x.org', role: 'ta', name: 'Ada' },
        { email: 'kim@x.org', role: 'student', name: 'Lee, Kim' },
      ],
      problems: [],
    });
  });

  it('reads one email per line without a header', () => {
    expect(parseRoster('a@x.org\nb@x.org\n').entries.map((e) => e.email)).toEqual(['a@x.org', 'b@x.org']);
  });

  it('names every bad line and adds nobody', () => {
    expect(parseRoster('email,role\nok@x.org,student\nnot-an-email,student\nc@x.org,dean\n')).toEqual({
      entries: [],
      problems: [
        { line: 3, message: '"not-an-email" is not an email address' },
        { line: 4, message: 'role "dean" is not student, TA or instructor' },
      ],
    });
    expect(parseRoster('name\nAda\n').problems[0]?.message).toMatch(/no "email" column/);
    expect(parseRoster('').problems[0]?.message).toBe('the roster is empty');
    expect(parseRoster('email\n"unclosed\n').problems[0]?.message).toMatch(/^not readable as CSV/);
  });
});

describe('rubric grading', () => {
  const rubric = [
    { id: 'momentum', description: 'names momentum', points: 2 },
    { id: 'adam', description: 'names Adam', points: 2 },
    { id: 'rmsprop', description: 'names RMSProp', points: 2 },
    { id: 'wrong-claim', description: 'a false claim', points: -1 },
  ];
  it('sums credits and deductions between 0 and the part points', () => {
    expect(rubricPoints(rubric, ['momentum', 'adam'], 4)).toBe(4);
    expect(rubricPoints(rubric, ['momentum', 'adam', 'rmsprop'], 4)).toBe(4);
    expect(rubricPoints(rubric, ['momentum', 'wrong-claim'], 4)).toBe(1);
    expect(rubricPoints(rubric, ['wrong-claim'], 4)).toBe(0);
    expect(() => rubricPoints(rubric, ['nope'], 4)).toThrow(/not in the rubric: nope/);
  });
  it('applies at most n credits when only the first n items of the answer count', () => {
    expect(rubricPoints(rubric, ['momentum', 'adam', 'wrong-claim'], 4, 2)).toBe(3);
    expect(() => rubricPoints(rubric, ['momentum', 'adam', 'rmsprop'], 6, 2)).toThrow(RubricError);
    expect(() => rubricPoints(rubric, ['momentum', 'adam', 'rmsprop'], 6, 2)).toThrow(
      /only the first 2 item\(s\) the student gives count, so at most 2 credit\(s\) apply \(got 3\)/,
    );
  });
});
