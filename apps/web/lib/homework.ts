import 'server-only';
import type { AssessmentMeta } from '@gradlab/content';
import type { PrismaClient } from '@gradlab/prisma';
import { manualScores } from './assessment-results.ts';
import type { QuestionGrade } from './attempts.ts';
import { db } from './db.ts';
import { catalogue } from './exercises.ts';
import type { ClassAssessmentAccess } from './schedule.ts';
import { afterPenalty, latePenalty } from './schedule-rules.ts';

/**
 * Scores of scheduled assessments in a class: an exam's best submitted attempt; a homework's best
 * graded attempt at its questions plus, per exercise, the best submission, each after the late
 * policy (work after the due date loses its share; after the late period it counts nothing).
 */

export interface HomeworkExercise {
  id: string;
  title: string;
  /** what the exercise is worth in this homework */
  points: number;
  /** the best submission's score, scaled to `points`, after the late penalty (null: none graded) */
  score: number | null;
  status: string;
}

/** A student's exercises of a homework, with their best scores as the late policy counts them. */
export async function homeworkExercises(
  userId: string,
  meta: AssessmentMeta,
  inClass: ClassAssessmentAccess,
  prisma: PrismaClient = db(),
): Promise<HomeworkExercise[]> {
  if (meta.exercises.length === 0) return [];
  const byId = new Map(catalogue().map((e) => [e.id, e]));
  const submissions = await prisma.submission.findMany({
    where: { userId, exerciseId: { in: meta.exercises.map((e) => e.id) }, score: { not: null } },
    select: { exerciseId: true, score: true, maxScore: true, createdAt: true },
  });
  return meta.exercises.map(({ id, points }) => {
    const exercise = byId.get(id);
    let best: { score: number; late: boolean } | null = null;
    for (const s of submissions.filter((x) => x.exerciseId === id)) {
      const max = s.maxScore ?? exercise?.points ?? 0;
      if (!max || s.score === null) continue;
      const penalty = latePenalty(inClass.entry, inClass.window, s.createdAt);
      const score = afterPenalty((s.score / max) * points, penalty);
      if (!best || score > best.score) best = { score, late: penalty > 0 };
    }
    return {
      id,
      title: exercise?.title ?? id,
      points,
      score: best?.score ?? null,
      status: best === null ? 'not submitted' : best.late ? 'submitted late' : 'submitted',
    };
  });
}

/** A submitted attempt's score with staff's manual points and the late penalty. */
export function attemptScore(attempt: {
  score: number | null;
  grades: string | null;
  latePenalty: number | null;
  manualGrades: { position: number; part: string; items: string; points: number; comment: string }[];
}): number {
  const grades = attempt.grades ? (JSON.parse(attempt.grades) as QuestionGrade[]) : [];
  const manual = manualScores(
    grades,
    attempt.manualGrades.map((m) => ({ ...m, items: JSON.parse(m.items) as string[] })),
  ).reduce((a, b) => a + b, 0);
  return afterPenalty((attempt.score ?? 0) + manual, attempt.latePenalty ?? 0);
}

/**
 * Each student's score on a scheduled assessment (by user id): the best graded attempt for the
 * class, plus a homework's exercises unless `withExercises` is false (the gradebook counts those
 * in the exercises' own columns). A student with nothing handed in is absent.
 */
export async function scheduledScores(
  classId: string,
  meta: AssessmentMeta,
  accessOf: (userId: string) => Promise<ClassAssessmentAccess | null>,
  userIds: string[],
  prisma: PrismaClient = db(),
  withExercises = true,
): Promise<Map<string, number>> {
  const attempts = await prisma.attempt.findMany({
    where: { classId, assessmentId: meta.id, mode: 'timed', status: 'submitted', userId: { in: userIds } },
    include: { manualGrades: true },
  });
  const scores = new Map<string, number>();
  for (const a of attempts) scores.set(a.userId, Math.max(scores.get(a.userId) ?? 0, attemptScore(a)));
  if (withExercises && meta.exercises.length > 0) {
    for (const userId of userIds) {
      const inClass = await accessOf(userId);
      if (!inClass) continue;
      const exercises = await homeworkExercises(userId, meta, inClass, prisma);
      const sum = exercises.reduce((s, e) => s + (e.score ?? 0), 0);
      if (exercises.some((e) => e.score !== null) || scores.has(userId))
        scores.set(userId, Math.round(((scores.get(userId) ?? 0) + sum) * 100) / 100);
    }
  }
  return scores;
}
