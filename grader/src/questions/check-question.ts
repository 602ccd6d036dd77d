/**
 * `gradlab check` for a question folder: over 20 seeds, every variant is valid, the key earns
 * full marks on every automatically graded part, each listed wrong answer earns what it should,
 * the prompt names every part and only those, its parameters all exist; the variants differ
 * (unless the question says it is fixed); the prompt and the worked solution render (KaTeX
 * included) and their lecture links lead somewhere; nothing a student sees (the prompt, the
 * options and items of parts) repeats the worked solution or the generator's code.
 */

import fs from 'node:fs';
import {
  brokenLectureLinks,
  ContentError,
  fillParams,
  listLectures,
  type QuestionVariant,
} from '@gradlab/content';
import type { CheckProblem } from '../check.ts';
import { cachedExercise } from '../grade.ts';
import { gradePart, keyResponse, publicPart } from './answers.ts';
import { runCodeHere } from './code-part.ts';
import { type LoadedQuestion, loadQuestion, makeVariant, renderVariant } from './load-question.ts';

export const CHECK_SEEDS = 20;

export interface QuestionCheckReport {
  id: string;
  problems: CheckProblem[];
  seeds: number;
  distinctVariants: number;
  parts: number;
  points: number;
  wrong: { part: string; why: string; ok: boolean }[];
}

/** An exercise's reference and starter files, or null when there is no such exercise. */
function exerciseSources(id: string): { solutionFile: string; starterFile: string } | null {
  try {
    const exercise = cachedExercise(id);
    return { solutionFile: exercise.solutionFile, starterFile: exercise.starterFile };
  } catch {
    return null;
  }
}

/**
 * The secrets of a question, as the secret scan (e2e/tests/site-secrets.spec.ts) finds them in
 * pages: each code line of 16+ characters of question.ts not in the prompt, and each piece of 20+
 * characters of a worked-solution line (split at `{{param}}` and `$`) not in the prompt.
 */
export function questionSecrets(question: LoadedQuestion): { file: string; line: number; text: string }[] {
  const { questionFile, solutionFile } = question.sources;
  const out: { file: string; line: number; text: string }[] = [];
  for (const [i, raw] of fs.readFileSync(questionFile, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (line.length < 16 || line.startsWith('//') || line.startsWith('*')) continue;
    if (/^(import|export default|const question)/.test(line) || question.prompt.includes(line)) continue;
    out.push({ file: questionFile, line: i + 1, text: line });
  }
  for (const [i, line] of question.solution.split('\n').entries())
    for (const piece of line.split(/\{\{[^}]+\}\}|\$/).map((p) => p.trim()))
      if (piece.length >= 20 && !question.prompt.includes(piece))
        out.push({ file: solutionFile, line: i + 1, text: piece });
  return out;
}

/** What a student sees of a variant before grading: the prompt and its parts' public fields. */
async function studentText(question: LoadedQuestion, variant: QuestionVariant): Promise<string> {
  const parts = Object.values(variant.parts).map(publicPart);
  return [
    fillParams(question.prompt, variant.params, question.sources.promptFile),
    await renderVariant(question, variant, 'prompt'),
    JSON.stringify(parts),
    ...parts.flatMap((p) =>
      ['options', 'left', 'right', 'items'].flatMap((k) => (Array.isArray(p[k]) ? (p[k] as string[]) : [])),
    ),
  ].join('\n');
}

const lineOf = (source: string, pattern: RegExp) => {
  const index = source.split('\n').findIndex((l) => pattern.test(l));
  return index < 0 ? 1 : index + 1;
};

export async function checkQuestionReport(id: string): Promise<QuestionCheckReport> {
  const report: QuestionCheckReport = {
    id,
    problems: [],
    seeds: 0,
    distinctVariants: 0,
    parts: 0,
    points: 0,
    wrong: [],
  };
  const problem = (file: string, line: number, message: string) =>
    report.problems.push({ file, line, message });
  let question: LoadedQuestion;
  try {
    question = loadQuestion(id);
  } catch (error) {
    if (error instanceof ContentError) {
      problem(error.file, error.line ?? 1, error.detail);
      return report;
    }
    throw error;
  }
  const { promptFile, questionFile, solutionFile } = question.sources;
  if (!listLectures().some((l) => l.slug === question.meta.lecture))
    problem(promptFile, lineOf(question.prompt, /^/), `lecture "${question.meta.lecture}" does not exist`);
  const answerTags = new Set(
    [...question.prompt.matchAll(/<Answer\s+part="([^"]+)"/g)].map((m) => m[1] ?? ''),
  );
  const variants: QuestionVariant[] = [];
  const wrongOk = new Map<number, boolean>();
  /** the exercises of code parts: each is graded once below (its reference full, its starter not) */
  const codeExercises = new Set<string>();
  // a listed wrong program is the same for every seed: grade each once
  const codeRuns = new Map<string, number>();
  const codeFraction = async (exercise: string, code: string) => {
    const key = `${exercise}\u0000${code}`;
    if (!codeRuns.has(key)) codeRuns.set(key, (await runCodeHere(exercise, code)).fraction);
    return codeRuns.get(key) ?? 0;
  };
  for (let seed = 1; seed <= CHECK_SEEDS; seed++) {
    let variant: QuestionVariant;
    try {
      variant = makeVariant(question, seed);
      fillParams(question.prompt, variant.params, promptFile);
      fillParams(question.solution, variant.params, solutionFile);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problem(error.file, error.line ?? 1, error.detail);
      return report;
    }
    variants.push(variant);
    report.seeds += 1;
    for (const [partId, part] of Object.entries(variant.parts)) {
      if (part.type === 'code') {
        codeExercises.add(part.exercise);
        continue;
      }
      const result = gradePart(part, keyResponse(part), {});
      const auto =
        result.maxPoints -
        (part.type === 'yes-no' ? part.reasonPoints : part.type === 'text' ? part.points : 0);
      if (result.points !== auto)
        problem(
          questionFile,
          1,
          `seed ${seed}, part ${partId}: the key earns ${result.points}/${auto} (${result.feedback})`,
        );
    }
    for (const [i, wrong] of (question.spec.wrong ?? []).entries()) {
      const part = variant.parts[wrong.part];
      if (!part) {
        problem(
          questionFile,
          lineOf(question.solution, /^/),
          `wrong answer "${wrong.why}": no part "${wrong.part}"`,
        );
        wrongOk.set(i, false);
        continue;
      }
      const response = wrong.response(variant);
      const earned =
        part.type === 'code'
          ? await codeFraction(part.exercise, String(response))
          : gradePart(part, response, {}).points / part.points;
      const expected = typeof wrong.expect === 'function' ? wrong.expect(variant) : (wrong.expect ?? 0);
      if (Math.abs(earned - expected) > 1e-9) {
        if (wrongOk.get(i) !== false)
          problem(
            questionFile,
            1,
            `seed ${seed}: the wrong answer "${wrong.why}" (${JSON.stringify(response)}) earns ${Math.round(earned * 100)}% of part ${wrong.part}, not ${Math.round(expected * 100)}%`,
          );
        wrongOk.set(i, false);
      } else if (!wrongOk.has(i)) wrongOk.set(i, true);
    }
  }
  for (const exercise of codeExercises) {
    const sources = exerciseSources(exercise);
    if (!sources) {
      problem(questionFile, 1, `a code part names no exercise "${exercise}"`);
      continue;
    }
    const reference = await runCodeHere(exercise, fs.readFileSync(sources.solutionFile, 'utf8'));
    if (reference.fraction !== 1)
      problem(questionFile, 1, `code part (${exercise}): the reference solution earns ${reference.feedback}`);
    const starter = await runCodeHere(exercise, fs.readFileSync(sources.starterFile, 'utf8'));
    if (starter.fraction >= 1)
      problem(questionFile, 1, `code part (${exercise}): the starter code already earns full marks`);
  }
  report.wrong = (question.spec.wrong ?? []).map((w, i) => ({
    part: w.part,
    why: w.why,
    ok: wrongOk.get(i) ?? false,
  }));
  const first = variants[0];
  if (first) {
    report.parts = Object.keys(first.parts).length;
    report.points = Object.values(first.parts).reduce((sum, p) => sum + p.points, 0);
    for (const partId of Object.keys(first.parts))
      if (!answerTags.has(partId))
        problem(promptFile, 1, `part "${partId}" has no <Answer part="${partId}" /> in the prompt`);
    for (const tag of answerTags)
      if (!(tag in first.parts))
        problem(
          promptFile,
          lineOf(question.prompt, new RegExp(`part="${tag}"`)),
          `<Answer part="${tag}" /> names no part of the question`,
        );
    if (variants.some((v) => Object.values(v.parts).reduce((s, p) => s + p.points, 0) !== report.points))
      problem(questionFile, 1, 'the points differ between variants');
    // the prompt and the worked solution render (the first two variants), and their links work
    for (const variant of variants.slice(0, 2)) {
      for (const which of ['prompt', 'solution'] as const) {
        try {
          await renderVariant(question, variant, which);
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          problem(error.file, error.line ?? 1, error.detail);
        }
      }
    }
    // the student's view of the first variants repeats no secret (the e2e secret scan's rule)
    const secrets = questionSecrets(question);
    const leaked = new Set<string>();
    for (const variant of variants.slice(0, 5)) {
      let seen: string;
      try {
        seen = await studentText(question, variant);
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        break; // reported above
      }
      for (const secret of secrets) {
        const key = `${secret.file}:${secret.line}:${secret.text}`;
        if (leaked.has(key) || !seen.includes(secret.text)) continue;
        leaked.add(key);
        problem(
          secret.file,
          secret.line,
          `the student sees this ${secret.file === solutionFile ? 'part of the worked solution' : 'generator code'} (in the prompt or an option): "${secret.text}"; word them differently`,
        );
      }
    }
    for (const [file, source] of [
      [promptFile, question.prompt],
      [solutionFile, question.solution],
    ] as const)
      for (const broken of await brokenLectureLinks(source)) problem(file, broken.line, broken.message);
  }
  // variants differ in their numbers or in what the student sees of their parts (option order)
  report.distinctVariants = new Set(
    variants.map((v) => JSON.stringify([v.params, Object.values(v.parts).map(publicPart)])),
  ).size;
  if (!question.spec.fixed && report.distinctVariants < Math.min(5, CHECK_SEEDS))
    problem(
      questionFile,
      1,
      `only ${report.distinctVariants} different variant(s) over ${CHECK_SEEDS} seeds: randomize the numbers, or say \`fixed: true\``,
    );
  return report;
}

export function formatQuestionReport(report: QuestionCheckReport): string {
  const ok = report.problems.length === 0 ? 'ok  ' : 'FAIL';
  const wrong = report.wrong.map((w) => `${w.part}: ${w.why}${w.ok ? '' : ' NOT AS EXPECTED'}`).join(', ');
  return `${ok} question ${report.id}: ${report.parts} part(s), ${report.points} points · ${report.seeds} seeds, ${report.distinctVariants} different variants · key full marks · wrong answers: ${wrong || 'none listed'}`;
}
