import 'server-only';
import { compileLearner, DEFAULT_LIMITS } from '@gradlab/grader';
import type { PrismaClient } from '@gradlab/prisma';
import { db } from '../db.ts';
import { labExercises } from './blocks.ts';

/**
 * The learner's code for the lab's blocks: per exercise, their latest submission that passed
 * (full marks), and their current draft of it, compiled as the grader compiles a submission. It is their own code, so it may go
 * to their browser; an exercise they have not passed is locked (no reference code is ever sent).
 */
export interface LabModule {
  exercise: string;
  /** compiled CommonJS, or null when the exercise is locked */
  js: string | null;
  submittedAt: string | null;
  /** the learner's current draft of a passed exercise, compiled (null: none, or it does not compile) */
  draftJs: string | null;
  /** why the draft cannot be used (its compile error), when there is one */
  draftError: string | null;
}

export async function labModules(userId: string, prisma: PrismaClient = db()): Promise<LabModule[]> {
  const passing = await prisma.submission.findMany({
    where: { userId, exerciseId: { in: labExercises }, status: 'graded' },
    orderBy: { createdAt: 'desc' },
    select: { exerciseId: true, code: true, language: true, score: true, maxScore: true, createdAt: true },
  });
  const drafts = await prisma.draft.findMany({
    where: { userId, exerciseId: { in: labExercises } },
    select: { exerciseId: true, code: true },
  });
  const compile = (code: string, language: 'ts' | 'js') =>
    compileLearner(code, language, { maxSourceChars: DEFAULT_LIMITS.maxSourceChars });
  const modules: LabModule[] = [];
  for (const exercise of labExercises) {
    const latest = passing.find(
      (s) => s.exerciseId === exercise && s.score !== null && s.maxScore !== null && s.score >= s.maxScore,
    );
    if (!latest) {
      modules.push({ exercise, js: null, submittedAt: null, draftJs: null, draftError: null });
      continue;
    }
    const compiled = await compile(latest.code, latest.language === 'js' ? 'js' : 'ts');
    const draft = drafts.find((d) => d.exerciseId === exercise);
    const draftCompiled = draft ? await compile(draft.code, 'ts') : null;
    modules.push({
      exercise,
      js: compiled.ok ? compiled.code : null,
      submittedAt: latest.createdAt.toISOString(),
      draftJs: draftCompiled?.ok ? draftCompiled.code : null,
      draftError: draftCompiled && !draftCompiled.ok ? draftCompiled.message : null,
    });
  }
  return modules;
}
