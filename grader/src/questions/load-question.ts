/**
 * Loading a question folder (`content/questions/<id>/`) and making its variants: the generator
 * runs on the server with the engine (`np`) as a global, like exercise specs; a variant is
 * validated before use, so a malformed part is an error naming the question and the part.
 */
import fs from 'node:fs';
import {
  ContentError,
  compileMdx,
  fillParams,
  type QuestionGenerator,
  type QuestionMeta,
  type QuestionSources,
  type QuestionSpec,
  type QuestionVariant,
  questionSources,
  type Responses,
  readQuestionMeta,
  statementQuestion,
} from '@gradlab/content';
import { createRandom, np } from '@gradlab/kernels';
import { z } from 'zod';
import { loadAuthorModule } from '../exercise/module-loader.ts';
import { gradePart, type PartResult } from './answers.ts';

export interface LoadedQuestion {
  meta: QuestionMeta;
  sources: QuestionSources;
  spec: QuestionSpec;
  prompt: string;
  solution: string;
}

/** The seeded generators of a variant. */
export function questionGenerator(seed: number): QuestionGenerator {
  const random = createRandom(seed);
  return {
    int: (low, high) => low + random.nextInt(high - low + 1),
    uniform: (low, high) => low + (high - low) * random.nextFloat(),
    pick: (values) => {
      if (values.length === 0) throw new Error('pick from an empty list');
      return values[random.nextInt(values.length)] as (typeof values)[number];
    },
    shuffle: (values) => {
      const out = [...values];
      for (let i = out.length - 1; i > 0; i--) {
        const j = random.nextInt(i + 1);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    randn: (shape, { scale = 1 } = {}) => random.randn(shape).multiply(scale),
    randint: (shape, low, high) => random.randint(low, high, { size: shape }),
  };
}

const points = z.number().positive().max(100);
const tolerance = z.union([
  z.object({ rtol: z.number().nonnegative().optional(), atol: z.number().nonnegative().optional() }).strict(),
  z.object({ sigfigs: z.number().int().min(1).max(15) }).strict(),
]);
const finite = z.number().finite();
const base = { points, label: z.string().optional() };
const indices =
  (count: (p: Record<string, unknown>) => number) => (p: Record<string, unknown>, key: number[]) =>
    key.every((i) => Number.isInteger(i) && i >= 0 && i < count(p));
const partSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('numeric'),
      ...base,
      key: z.union([finite, z.array(finite).min(1)]),
      tolerance: tolerance.optional(),
      accept: z.array(z.union([finite, z.array(finite)])).optional(),
      keyFrom: z.object({ parts: z.array(z.string()).min(1), key: z.function() }).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('integer'),
      ...base,
      key: z.number().int(),
      accept: z.array(z.number().int()).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('choice'),
      ...base,
      options: z.array(z.string()).min(2),
      key: z.number().int().nonnegative(),
    })
    .strict()
    .refine((p) => p.key < p.options.length, 'key: not an option'),
  z
    .object({
      type: z.literal('multi'),
      ...base,
      options: z.array(z.string()).min(2),
      key: z.array(z.number().int()),
      scoring: z.enum(['all-or-nothing', 'partial']),
    })
    .strict()
    .refine((p) => indices(() => p.options.length)(p, p.key), 'key: not an option'),
  z
    .object({
      type: z.literal('matching'),
      ...base,
      left: z.array(z.string()).min(2),
      right: z.array(z.string()).min(2),
      key: z.array(z.number().int()),
      scoring: z.enum(['all-or-nothing', 'partial']),
    })
    .strict()
    .refine(
      (p) => p.key.length === p.left.length && indices(() => p.right.length)(p, p.key),
      'key: one right item per left item',
    ),
  z
    .object({
      type: z.literal('ordering'),
      ...base,
      items: z.array(z.string()).min(2),
      key: z.array(z.number().int()),
    })
    .strict()
    .refine(
      (p) =>
        p.key.length === p.items.length &&
        new Set(p.key).size === p.items.length &&
        indices(() => p.items.length)(p, p.key),
      'key: a permutation of the items',
    ),
  z
    .object({
      type: z.literal('shape'),
      ...base,
      key: z.array(z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z]\w*$/)])).min(1),
      accept: z.array(z.array(z.union([z.number().int(), z.string()]))).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('matrix'),
      ...base,
      key: z.array(z.array(finite).min(1)).min(1),
      tolerance: tolerance.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('expression'),
      ...base,
      key: z.string().min(1),
      variables: z.record(z.string(), z.tuple([finite, finite])),
    })
    .strict(),
  z
    .object({
      type: z.literal('constraint'),
      ...base,
      fields: z.array(z.string()).min(1),
      check: z.function(),
      example: z.record(z.string(), finite),
    })
    .strict(),
  z
    .object({ type: z.literal('yes-no'), ...base, key: z.boolean(), reasonPoints: z.number().nonnegative() })
    .strict(),
  z
    .object({
      type: z.literal('text'),
      ...base,
      rubric: z
        .array(z.object({ id: z.string(), description: z.string(), points: z.number() }).strict())
        .min(1),
      firstItems: z.number().int().positive().optional(),
    })
    .strict(),
  z
    .object({ type: z.literal('code'), ...base, exercise: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/) })
    .strict(),
]);
const variantSchema = z
  .object({
    params: z.record(z.string(), z.union([z.string(), finite])),
    parts: z
      .record(z.string().regex(/^[a-z0-9]+$/, 'part ids are lower-case letters and digits'), partSchema)
      .refine((parts) => Object.keys(parts).length > 0, 'a question has at least one part'),
  })
  .strict();

/** Loads and checks a question folder; errors name the file and what is wrong. */
export function loadQuestion(id: string): LoadedQuestion {
  const { meta, prompt } = readQuestionMeta(id);
  const sources = questionSources(id);
  // the globals of question.ts (content/questions/question-globals.d.ts)
  const module = loadAuthorModule(sources.questionFile, { np, statementQuestion });
  const spec = module.default as QuestionSpec | undefined;
  if (!spec || typeof spec.generate !== 'function')
    throw new ContentError(
      sources.questionFile,
      'must `export default` a question: { generate(g) { ... }, wrong?: [...] }',
    );
  if (spec.wrong !== undefined && !Array.isArray(spec.wrong))
    throw new ContentError(
      sources.questionFile,
      '`wrong` must be a list of { part, why, response, expect? }',
    );
  return { meta, sources, spec, prompt, solution: fs.readFileSync(sources.solutionFile, 'utf8') };
}

/** The variant of a seed, validated. */
export function makeVariant(question: LoadedQuestion, seed: number): QuestionVariant {
  let variant: unknown;
  try {
    variant = question.spec.generate(questionGenerator(seed));
  } catch (error) {
    throw new ContentError(
      question.sources.questionFile,
      `generate(seed ${seed}) failed: ${(error as Error).message}`,
    );
  }
  const parsed = variantSchema.safeParse(variant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'variant'}: ${i.message}`);
    throw new ContentError(
      question.sources.questionFile,
      `generate(seed ${seed}) returned a bad variant: ${problems.join('; ')}`,
    );
  }
  return variant as QuestionVariant;
}

/** The prompt (or the worked solution) of a variant, compiled to MDX code. */
export function renderVariant(
  question: LoadedQuestion,
  variant: QuestionVariant,
  which: 'prompt' | 'solution',
): Promise<string> {
  const file = which === 'prompt' ? question.sources.promptFile : question.sources.solutionFile;
  const source = which === 'prompt' ? question.prompt : question.solution;
  return compileMdx(fillParams(source, variant.params, file), file);
}

export interface VariantGrade {
  parts: Record<string, PartResult>;
  score: number;
  maxScore: number;
  /** points waiting for staff (free text, reasons) */
  manualPoints: number;
}

/**
 * Grades every part of a variant against a student's responses. A code part waits for the
 * grader (status "pending"): `gradeVariantWithCode` runs it.
 */
export function gradeVariant(variant: QuestionVariant, responses: Responses): VariantGrade {
  const parts: Record<string, PartResult> = {};
  for (const [id, part] of Object.entries(variant.parts))
    parts[id] = gradePart(part, responses[id], responses);
  return totals(parts);
}

/** Runs a student's code against an exercise's cases: the share of its points earned, and why. */
export type RunCode = (exercise: string, code: string) => Promise<{ fraction: number; feedback: string }>;

/** `gradeVariant`, with each answered code part graded by `runCode` (the grader). */
export async function gradeVariantWithCode(
  variant: QuestionVariant,
  responses: Responses,
  runCode: RunCode,
): Promise<VariantGrade> {
  const { parts } = gradeVariant(variant, responses);
  for (const [id, part] of Object.entries(variant.parts)) {
    if (part.type !== 'code' || parts[id]?.status !== 'pending') continue;
    const { fraction, feedback } = await runCode(part.exercise, String(responses[id]));
    const points = Math.round(Math.min(1, Math.max(0, fraction)) * part.points * 100) / 100;
    parts[id] = {
      status: points >= part.points ? 'correct' : points > 0 ? 'partial' : 'incorrect',
      points,
      maxPoints: part.points,
      manualPoints: 0,
      feedback,
    };
  }
  return totals(parts);
}

function totals(parts: Record<string, PartResult>): VariantGrade {
  const results = Object.values(parts);
  return {
    parts,
    score: Math.round(results.reduce((sum, r) => sum + r.points, 0) * 100) / 100,
    maxScore: results.reduce((sum, r) => sum + r.maxPoints, 0),
    manualPoints: results.reduce((sum, r) => sum + r.manualPoints, 0),
  };
}
