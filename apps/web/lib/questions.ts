import 'server-only';
import { listQuestions, type QuestionMeta, type Responses } from '@gradlab/content';
import {
  gradeVariantWithCode,
  keyResponse,
  type LoadedQuestion,
  loadQuestion,
  makeVariant,
  publicPart,
  renderVariant,
  type VariantGrade,
} from '@gradlab/grader';
import { codeRunner, PRIORITY } from './grading.ts';

/** What a browser gets of a variant before it is graded: the prompt and the parts' public fields. */
export interface PublicVariant {
  meta: QuestionMeta;
  seed: number;
  /** the prompt with the variant's parameters, compiled MDX */
  promptCode: string;
  parts: Record<string, Record<string, unknown>>;
}

/** After grading: each part's result and key, and the worked solution. */
export interface GradedVariant {
  grade: VariantGrade;
  /** the key of each part, as a student would have entered it */
  keys: Record<string, unknown>;
  solutionCode: string;
}

export const MAX_SEED = 2 ** 31 - 1;

export function findQuestion(id: string): QuestionMeta | undefined {
  return listQuestions().find((q) => q.id === id);
}

function load(id: string): LoadedQuestion {
  return loadQuestion(id);
}

export async function publicVariant(id: string, seed: number): Promise<PublicVariant> {
  const question = load(id);
  const variant = makeVariant(question, seed);
  return {
    meta: question.meta,
    seed,
    promptCode: await renderVariant(question, variant, 'prompt'),
    parts: Object.fromEntries(
      Object.entries(variant.parts).map(([partId, part]) => [partId, publicPart(part)]),
    ),
  };
}

export async function gradePractice(
  id: string,
  seed: number,
  responses: Responses,
  owner: string,
): Promise<GradedVariant> {
  const question = load(id);
  const variant = makeVariant(question, seed);
  return {
    grade: await gradeVariantWithCode(variant, responses, codeRunner(owner, PRIORITY.practice)),
    keys: Object.fromEntries(
      Object.entries(variant.parts).map(([partId, part]) => [partId, keyResponse(part)]),
    ),
    solutionCode: await renderVariant(question, variant, 'solution'),
  };
}

/** A fresh seed for a practice variant. */
export function randomSeed(): number {
  return 1 + Math.floor(Math.random() * (MAX_SEED - 1));
}
