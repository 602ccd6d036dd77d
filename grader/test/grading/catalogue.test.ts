/**
 * `gradlab check` over the whole catalogue, as `npm test` runs it: every exercise folder is
 * proven (reference full marks in the sandbox, starter less, each known mistake caught with its
 * hint, points consistent) and meets the course's bar: at least 2 public and 3 hidden cases and
 * at least 3 known mistakes.
 */
import { listExercises } from '@gradlab/content';
import { describe, expect, it } from 'vitest';
import { checkExerciseReport, formatCheckReport } from '../../src/check.ts';

describe('the exercise catalogue', () => {
  for (const { id } of listExercises()) {
    it(`${id} passes gradlab check`, async () => {
      const report = await checkExerciseReport(id);
      expect(report.problems, formatCheckReport(report)).toEqual([]);
      expect(report.cases.public).toBeGreaterThanOrEqual(2);
      expect(report.cases.hidden).toBeGreaterThanOrEqual(3);
      expect(report.mistakes.length).toBeGreaterThanOrEqual(3);
      expect(report.mistakes.every((m) => m.hintFired && m.score < m.maxScore)).toBe(true);
    }, 120_000);
  }
});
