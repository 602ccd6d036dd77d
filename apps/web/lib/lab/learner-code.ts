import 'server-only';
import { compileLearner, DEFAULT_LIMITS } from '@gradlab/grader';
import type { PrismaClient } from '@gradlab/prisma';
import { db } from '../db.ts';
import { labExercises } from './blocks.ts';

/**
 * The learner's code for the lab's blocks: per exercise, their latest submission that passed
 * (full marks), compiled as the grader compiles a submission. It is their own code, so it may go
 * to their browser; an exercise they have not passed is locked (no reference code is ever sent).
 */
export interface LabModule {
  exercise: string;
  /** compiled CommonJS, or null when the exercise is locked */
  js: string | null;
  submittedAt: string | null;
}

export async function labModules(userId: string, prisma: PrismaClient = db()): Promise<LabModule[]> {
  const passing = await prisma.submission.findMany({
    where: { userId, exerciseId: { in: labExercises }, status: 'graded' },
    orderBy: { createdAt: 'desc' },
    select: { exerciseId: true, code: true, language: true, score: true, maxScore: true, createdAt: true },
  });
  const modules: LabModule[] = [];
  for (const exercise of labExercises) {
    const latest = passing.find(
      (s) => s.exerciseId === exercise && s.score !== null && s.maxScore !== null && s.score >= s.maxScore,
    );
    if (!latest) {
      modules.push({ exercise, js: null, submittedAt: null });
      continue;
    }
    const compiled = await compileLearner(latest.code, latest.language === 'js' ? 'js' : 'ts', {
      maxSourceChars: DEFAULT_LIMITS.maxSourceChars,
    });
    modules.push({
      exercise,
      js: compiled.ok ? compiled.code : null,
      submittedAt: latest.createdAt.toISOString(),
    });
  }
  return modules;
}
