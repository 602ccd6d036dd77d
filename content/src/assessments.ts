import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from './content-error.ts';
import { contentRoot } from './content-root.ts';
import { readFrontmatter } from './frontmatter.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a question id');

/** A zone: questions drawn together (all of them, or `pick` of them), each worth its points. */
const zoneSchema = z
  .object({
    title: z.string().min(1),
    /** draw this many of the zone's questions for each attempt (all when absent) */
    pick: z.number().int().positive().optional(),
    questions: z.array(z.object({ id: slug, points: z.number().positive() }).strict()).min(1),
  })
  .strict()
  .refine((zone) => zone.pick === undefined || zone.pick <= zone.questions.length, {
    message: 'pick is larger than the number of questions',
    path: ['pick'],
  })
  .refine((zone) => zone.pick === undefined || new Set(zone.questions.map((q) => q.points)).size === 1, {
    message: 'a zone that picks must give its questions the same points (every draw is then worth the same)',
    path: ['questions'],
  });

/**
 * The frontmatter of `content/assessments/<id>/assessment.mdx` (its body: the instructions shown
 * before an attempt starts).
 */
export const assessmentFrontmatterSchema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(['exam', 'homework']),
    /** minutes from the start of an attempt until the server submits it (exams) */
    timeLimitMinutes: z.number().positive().max(600).optional(),
    /** graded attempts a student may make (exams: 1 when absent; homework: unlimited when absent) */
    attempts: z.number().int().positive().optional(),
    /**
     * who sees it: `everyone` signed in (mock exams), or only the members of a class that has
     * scheduled it (`class`: exams of a course, homework). Homework is always `class`.
     */
    audience: z.enum(['everyone', 'class']).default('everyone'),
    /** when students see their scores: during the attempt, after submitting, or after the close date */
    feedback: z.enum(['during', 'after-submission', 'after-close']).default('after-submission'),
    /** whether an untimed practice mode with feedback per question exists */
    practice: z.boolean().default(true),
    /**
     * practice mode: what a question is worth on the student's 1st, 2nd, 3rd... variant, as a
     * share of its points (the last value repeats); the best try counts. [1]: every try is
     * worth full points; [1, 0.8, 0.6, 0.4] declines.
     */
    practiceValues: z.array(z.number().min(0).max(1)).min(1).max(20).default([1]),
    zones: z.array(zoneSchema).default([]),
    /** homework: exercises of the catalogue it includes, each worth its points (the best submission counts) */
    exercises: z.array(z.object({ id: slug, points: z.number().positive() }).strict()).default([]),
  })
  .strict()
  .refine((a) => a.zones.length > 0 || a.exercises.length > 0, {
    message: 'an assessment needs zones of questions (or, for homework, exercises)',
    path: ['zones'],
  })
  .refine((a) => a.kind === 'homework' || a.exercises.length === 0, {
    message: 'only homework includes exercises',
    path: ['exercises'],
  })
  .refine((a) => a.kind === 'exam' || a.audience === 'class', {
    message: 'homework belongs to a class: write audience: class',
    path: ['audience'],
  })
  .refine((a) => a.kind !== 'exam' || a.timeLimitMinutes !== undefined, {
    message: 'an exam needs timeLimitMinutes',
    path: ['timeLimitMinutes'],
  });

export type AssessmentFrontmatter = z.infer<typeof assessmentFrontmatterSchema>;

export interface AssessmentMeta extends Omit<AssessmentFrontmatter, 'attempts'> {
  id: string;
  /** graded attempts a student may make (null: unlimited) */
  attempts: number | null;
  /** the points of one attempt (each zone's drawn questions) */
  questionPoints: number;
  /** the points of the whole assessment: its questions and, for homework, its exercises */
  points: number;
}

export function assessmentsDir(): string {
  return path.join(contentRoot(), 'assessments');
}

function assessmentFile(id: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new ContentError(id, 'not an assessment id');
  const file = path.join(assessmentsDir(), id, 'assessment.mdx');
  if (!fs.existsSync(file)) throw new ContentError(file, 'no such assessment');
  return file;
}

/** An assessment's settings and its instructions (MDX). */
export function readAssessment(id: string): { meta: AssessmentMeta; instructions: string; file: string } {
  const file = assessmentFile(id);
  const { data, content } = readFrontmatter(file, assessmentFrontmatterSchema);
  const questionPoints = data.zones.reduce(
    (sum, zone) =>
      sum +
      (zone.pick === undefined
        ? zone.questions.reduce((s, q) => s + q.points, 0)
        : zone.pick * (zone.questions[0]?.points ?? 0)),
    0,
  );
  const exercisePoints = data.exercises.reduce((sum, e) => sum + e.points, 0);
  const attempts = data.attempts ?? (data.kind === 'exam' ? 1 : null);
  return {
    meta: { id, ...data, attempts, questionPoints, points: questionPoints + exercisePoints },
    instructions: content,
    file,
  };
}

/** The id of every assessment folder, sorted, without reading them. */
export function listAssessmentIds(): string[] {
  const dir = assessmentsDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'assessment.mdx')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Every assessment folder, sorted by id (a malformed one throws its ContentError). */
export function listAssessments(): AssessmentMeta[] {
  return listAssessmentIds().map((id) => readAssessment(id).meta);
}
