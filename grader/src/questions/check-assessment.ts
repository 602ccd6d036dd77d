/**
 * `gradlab check` for an assessment folder: its settings validate, every question it draws
 * exists and loads, and its instructions render.
 */
import { ContentError, compileMdx, listExercises, listQuestionIds, readAssessment } from '@gradlab/content';
import type { CheckProblem } from '../check.ts';
import { loadQuestion } from './load-question.ts';

export interface AssessmentCheckReport {
  id: string;
  problems: CheckProblem[];
  questions: number;
  points: number;
}

export async function checkAssessmentReport(id: string): Promise<AssessmentCheckReport> {
  const report: AssessmentCheckReport = { id, problems: [], questions: 0, points: 0 };
  let read: ReturnType<typeof readAssessment>;
  try {
    read = readAssessment(id);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    report.problems.push({ file: error.file, line: error.line ?? 1, message: error.detail });
    return report;
  }
  const { meta, instructions, file } = read;
  report.points = meta.points;
  const known = new Set(listQuestionIds());
  for (const zone of meta.zones) {
    for (const q of zone.questions) {
      report.questions += 1;
      if (!known.has(q.id)) {
        report.problems.push({ file, line: 1, message: `zone "${zone.title}": no question "${q.id}"` });
        continue;
      }
      try {
        loadQuestion(q.id);
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        report.problems.push({
          file,
          line: 1,
          message: `zone "${zone.title}": question "${q.id}" does not load: ${error.detail}`,
        });
      }
    }
  }
  const exercises = new Set(listExercises().map((e) => e.id));
  for (const e of meta.exercises)
    if (!exercises.has(e.id))
      report.problems.push({ file, line: 1, message: `exercises: no exercise "${e.id}"` });
  try {
    await compileMdx(instructions, file);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    report.problems.push({ file, line: error.line ?? 1, message: error.detail });
  }
  return report;
}

export function formatAssessmentReport(report: AssessmentCheckReport): string {
  return `${report.problems.length === 0 ? 'ok  ' : 'FAIL'} assessment ${report.id}: ${report.questions} question(s) in its zones, ${report.points} points in all`;
}
