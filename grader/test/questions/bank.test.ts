/**
 * `gradlab check` over the question bank, as `npm test` runs it: every question folder is proven
 * over 20 seeds (key full marks, listed wrong answers earn what they should, variants differ,
 * prompt and solution render).
 */
import { listAssessments, listQuestions } from '@gradlab/content';
import { describe, expect, it } from 'vitest';
import { checkAssessmentReport, formatAssessmentReport } from '../../src/questions/check-assessment.ts';
import { checkQuestionReport, formatQuestionReport } from '../../src/questions/check-question.ts';

describe('the question bank', () => {
  for (const { id } of listQuestions()) {
    it(`${id} passes gradlab check`, async () => {
      const report = await checkQuestionReport(id);
      expect(report.problems, formatQuestionReport(report)).toEqual([]);
      expect(report.seeds).toBe(20);
    }, 60_000);
  }
});

describe('the assessments', () => {
  for (const { id } of listAssessments()) {
    it(`${id} passes gradlab check`, async () => {
      const report = await checkAssessmentReport(id);
      expect(report.problems, formatAssessmentReport(report)).toEqual([]);
    }, 60_000);
  }
});
