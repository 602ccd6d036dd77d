import { describe, expect, it } from 'vitest';
import { buildGradebook, csvField, gradebookCsv } from '../lib/gradebook.ts';
import { createRateLimit } from '../lib/rate-limit.ts';
import { hintsIn, studentResult } from '../lib/result-view.ts';
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
  it('allows `limit` attempts per window and per key', () => {
    let now = 0;
    const limit = createRateLimit({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limit.take('a').ok).toBe(true);
    expect(limit.take('a').ok).toBe(true);
    expect(limit.take('a')).toEqual({ ok: false, retryAfterS: 60 });
    expect(limit.take('b').ok).toBe(true);
    now = 60_001;
    expect(limit.take('a').ok).toBe(true);
  });
});
