import 'server-only';
import type { QuestionPart, RubricItem } from '@gradlab/content';
import { loadQuestion, makeVariant } from '@gradlab/grader';
import type { PrismaClient } from '@gradlab/prisma';
import { HttpError } from './api.ts';
import type { DrawnQuestion, QuestionGrade } from './attempts.ts';
import { db } from './db.ts';
import { RubricError, rubricPoints } from './rubric.ts';
import { type ParameterBreakdown, parameterBreakdown } from './variant-stats.ts';

/**
 * The staff's side of assessments: results with the manual grades added, item statistics per
 * question, the manual grading queue (free text and reasons, graded with rubric items) and a
 * CSV export.
 */

/** Raw part points to the question's points in the assessment. */
const scaleOf = (grade: QuestionGrade) => {
  const raw = Object.values(grade.parts).reduce((sum, p) => sum + p.maxPoints, 0);
  return raw > 0 ? grade.points / raw : 0;
};

export interface ManualGradeRow {
  position: number;
  part: string;
  items: string[];
  points: number;
  comment: string;
}

/** The manual points of each question of an attempt, scaled to the assessment's points. */
export function manualScores(grades: QuestionGrade[], manual: ManualGradeRow[]): number[] {
  return grades.map((g, position) =>
    manual.filter((m) => m.position === position).reduce((sum, m) => sum + m.points * scaleOf(g), 0),
  );
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface ResultRow {
  attemptId: string;
  name: string;
  email: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  /** per drawn question: id, its variant's seed, score (automatic + manual) and points */
  questions: { questionId: string; seed: number; score: number; points: number }[];
  score: number;
  maxScore: number;
  /** manual points still to grade (scaled) */
  pending: number;
}

export async function assessmentResults(
  assessmentId: string,
  prisma: PrismaClient = db(),
  /** only the attempts for this class (undefined: every attempt) */
  classId?: string,
): Promise<ResultRow[]> {
  const attempts = await prisma.attempt.findMany({
    where: { assessmentId, mode: 'timed', status: 'submitted', ...(classId ? { classId } : {}) },
    include: { user: { select: { name: true, email: true } }, manualGrades: true },
    orderBy: { submittedAt: 'asc' },
  });
  return attempts.map((a) => {
    const drawn = JSON.parse(a.questions) as DrawnQuestion[];
    const grades = JSON.parse(a.grades ?? '[]') as QuestionGrade[];
    const manual = manualScores(
      grades,
      a.manualGrades.map((m) => ({ ...m, items: JSON.parse(m.items) })),
    );
    const questions = drawn.map((q, i) => ({
      questionId: q.questionId,
      seed: q.seed,
      score: round2((grades[i]?.score ?? 0) + (manual[i] ?? 0)),
      points: q.points,
    }));
    const graded = new Set(a.manualGrades.map((m) => `${m.position}:${m.part}`));
    const pending = grades.reduce(
      (sum, g, position) =>
        sum +
        Object.entries(g.parts)
          .filter(([part, r]) => r.status === 'manual' && !graded.has(`${position}:${part}`))
          .reduce((s, [, r]) => s + (r.maxPoints - r.points) * scaleOf(g), 0),
      0,
    );
    return {
      attemptId: a.id,
      name: a.user.name,
      email: a.user.email,
      submittedAt: a.submittedAt,
      submittedBy: a.submittedBy,
      questions,
      score: round2(questions.reduce((s, q) => s + q.score, 0)),
      maxScore: a.maxScore ?? 0,
      pending: round2(pending),
    };
  });
}

export interface ItemStatistics {
  questionId: string;
  points: number;
  /** attempts that drew it */
  n: number;
  mean: number;
  sd: number;
  /** share of attempts with full credit */
  fullCredit: number;
  /** correlation of the item's score with the rest of the exam (null below 3 attempts or no spread) */
  discrimination: number | null;
}

function correlation(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Per question: mean, standard deviation, share with full credit, and discrimination. */
export function itemStatistics(rows: ResultRow[]): ItemStatistics[] {
  const ids = [...new Set(rows.flatMap((r) => r.questions.map((q) => q.questionId)))];
  return ids.map((questionId) => {
    const taken = rows.flatMap((r) => {
      const q = r.questions.find((x) => x.questionId === questionId);
      return q ? [{ item: q.score, rest: r.score - q.score, points: q.points }] : [];
    });
    const n = taken.length;
    const scores = taken.map((t) => t.item);
    const mean = scores.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const discrimination = correlation(
      scores,
      taken.map((t) => t.rest),
    );
    return {
      questionId,
      points: taken[0]?.points ?? 0,
      n,
      mean: round2(mean),
      sd: round2(sd),
      fullCredit: round2(taken.filter((t) => t.item >= t.points).length / n),
      discrimination: discrimination === null ? null : round2(discrimination),
    };
  });
}

/** Per question: how its score varied with each variant parameter that takes a few values. */
export function variantStatistics(
  rows: ResultRow[],
): { questionId: string; breakdown: ParameterBreakdown[] }[] {
  const ids = [...new Set(rows.flatMap((r) => r.questions.map((q) => q.questionId)))];
  return ids
    .map((questionId) => {
      const question = loadQuestion(questionId);
      const taken = rows.flatMap((r) =>
        r.questions
          .filter((q) => q.questionId === questionId && q.points > 0)
          .map((q) => ({ params: makeVariant(question, q.seed).params, share: q.score / q.points })),
      );
      return { questionId, breakdown: parameterBreakdown(taken) };
    })
    .filter((v) => v.breakdown.length > 0);
}

export interface QueueEntry {
  attemptId: string;
  position: number;
  part: string;
  name: string;
  email: string;
  questionId: string;
  questionTitle: string;
  /** the student's answer, as text */
  answer: string;
  maxPoints: number;
  rubric: RubricItem[];
  firstItems?: number;
}

/** The part of a drawn question as generated for its seed. */
function partOf(q: DrawnQuestion, part: string): { title: string; part: QuestionPart } {
  const question = loadQuestion(q.questionId);
  const found = makeVariant(question, q.seed).parts[part];
  if (!found) throw new HttpError(400, `part: question ${q.questionId} has no part "${part}"`);
  return { title: question.meta.title, part: found };
}

/** Manually graded parts of submitted attempts that no one has graded yet. */
export async function manualQueue(
  assessmentId: string,
  prisma: PrismaClient = db(),
  classId?: string,
): Promise<QueueEntry[]> {
  const attempts = await prisma.attempt.findMany({
    where: { assessmentId, status: 'submitted', ...(classId ? { classId } : {}) },
    include: { user: { select: { name: true, email: true } }, manualGrades: true, answers: true },
    orderBy: { submittedAt: 'asc' },
  });
  const queue: QueueEntry[] = [];
  for (const a of attempts) {
    const drawn = JSON.parse(a.questions) as DrawnQuestion[];
    const grades = JSON.parse(a.grades ?? '[]') as QuestionGrade[];
    const graded = new Set(a.manualGrades.map((m) => `${m.position}:${m.part}`));
    for (const [position, g] of grades.entries()) {
      for (const [part, r] of Object.entries(g.parts)) {
        if (r.status !== 'manual' || graded.has(`${position}:${part}`)) continue;
        const q = drawn[position];
        if (!q) continue;
        const { title, part: spec } = partOf(q, part);
        const saved = a.answers.find((x) => x.position === position);
        const response = saved ? (JSON.parse(saved.responses) as Record<string, unknown>)[part] : undefined;
        const answer =
          typeof response === 'string'
            ? response
            : typeof response === 'object' && response !== null
              ? `${(response as { answer?: boolean }).answer ? 'Yes' : 'No'}. ${String((response as { reason?: unknown }).reason ?? '')}`
              : '';
        queue.push({
          attemptId: a.id,
          position,
          part,
          name: a.user.name,
          email: a.user.email,
          questionId: q.questionId,
          questionTitle: title,
          answer,
          maxPoints: r.maxPoints - r.points,
          rubric:
            spec.type === 'text'
              ? spec.rubric
              : [
                  {
                    id: 'reason',
                    description: 'a correct reason',
                    points: spec.type === 'yes-no' ? spec.reasonPoints : 0,
                  },
                ],
          ...(spec.type === 'text' && spec.firstItems ? { firstItems: spec.firstItems } : {}),
        });
      }
    }
  }
  return queue;
}

/**
 * Grades a manual part with rubric items: the points are the items' sum, capped to the part's
 * manual points and never below 0. Replaces an earlier grade of the same part.
 */
export async function gradeManually(
  input: {
    attemptId: string;
    position: number;
    part: string;
    items: string[];
    comment: string;
    graderId: string;
  },
  prisma: PrismaClient = db(),
): Promise<{ points: number }> {
  const attempt = await prisma.attempt.findUnique({ where: { id: input.attemptId } });
  if (!attempt || attempt.status !== 'submitted')
    throw new HttpError(404, 'no submitted attempt with this id');
  const drawn = (JSON.parse(attempt.questions) as DrawnQuestion[])[input.position];
  const grade = (JSON.parse(attempt.grades ?? '[]') as QuestionGrade[])[input.position];
  const result = grade?.parts[input.part];
  if (!drawn || !result || result.status !== 'manual')
    throw new HttpError(400, 'part: not a manually graded part of this attempt');
  const { part } = partOf(drawn, input.part);
  const rubric: RubricItem[] =
    part.type === 'text'
      ? part.rubric
      : [
          {
            id: 'reason',
            description: 'a correct reason',
            points: part.type === 'yes-no' ? part.reasonPoints : 0,
          },
        ];
  let points: number;
  try {
    points = rubricPoints(
      rubric,
      input.items,
      result.maxPoints - result.points,
      part.type === 'text' ? part.firstItems : undefined,
    );
  } catch (error) {
    if (error instanceof RubricError) throw new HttpError(400, error.message);
    throw error;
  }
  const key = { attemptId: input.attemptId, position: input.position, part: input.part };
  const data = {
    items: JSON.stringify(input.items),
    points,
    comment: input.comment,
    graderId: input.graderId,
  };
  await prisma.manualGrade.upsert({
    where: { attemptId_position_part: key },
    create: { ...key, ...data },
    update: data,
  });
  return { points };
}

/** CSV of an assessment's results: one row per submitted attempt, a column per question drawn. */
export function resultsCsv(rows: ResultRow[], field: (v: string | number | null) => string): string {
  const ids = [...new Set(rows.flatMap((r) => r.questions.map((q) => q.questionId)))];
  const lines = [
    ['name', 'email', 'submitted at', 'submitted by', ...ids, 'score', 'max score', 'manual points pending']
      .map(field)
      .join(','),
    ...rows.map((r) =>
      [
        r.name,
        r.email,
        r.submittedAt?.toISOString() ?? '',
        r.submittedBy,
        ...ids.map((id) => r.questions.find((q) => q.questionId === id)?.score ?? null),
        r.score,
        r.maxScore,
        r.pending,
      ]
        .map(field)
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
