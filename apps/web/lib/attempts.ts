import 'server-only';
import { createHash } from 'node:crypto';
import { type AssessmentMeta, type Responses, readAssessment } from '@gradlab/content';
import {
  gradeVariantWithCode,
  keyResponse,
  loadQuestion,
  makeVariant,
  publicPart,
  renderVariant,
} from '@gradlab/grader';
import type { PrismaClient } from '@gradlab/prisma';
import { HttpError } from './api.ts';
import { manualScores } from './assessment-results.ts';
import { db } from './db.ts';
import { codeRunner, PRIORITY } from './grading.ts';
import {
  assertCanStart,
  type ClassAssessmentAccess,
  classAssessmentAccess,
  type FeedbackPolicy,
} from './schedule.ts';
import { afterPenalty, attemptDeadline, latePenalty } from './schedule-rules.ts';

/**
 * The life of an attempt, owned by the server: start (the variants drawn and stored), autosave
 * of each answer, submission by the student or, at the deadline, by the server even when no
 * browser is open; one open attempt per student, assessment and mode; the time is the server's.
 */

export type AttemptMode = 'timed' | 'practice';

/** A question drawn for an attempt. */
export interface DrawnQuestion {
  questionId: string;
  seed: number;
  /** what the question is worth in this assessment */
  points: number;
  zone: string;
  /** practice: which variant of the question this is (0: the first; a retry draws the next) */
  variant?: number;
  /** practice: the best points a checked try earned, after its value */
  best?: number;
}

/** What a practice try is worth as a share of the question's points (the last value repeats). */
export function practiceValue(meta: AssessmentMeta, variant: number): number {
  return meta.practiceValues[Math.min(variant, meta.practiceValues.length - 1)] ?? 1;
}

/** The seed of a practice question's n-th variant (the first keeps the drawn seed). */
export function retrySeed(attemptId: string, position: number, variant: number): number {
  return hashSeed(attemptId, 'retry', position, variant);
}

export interface QuestionGrade {
  /** points earned, scaled to the question's points in the assessment */
  score: number;
  points: number;
  /** points waiting for staff (free text, reasons), scaled */
  manualPoints: number;
  parts: Record<string, { status: string; points: number; maxPoints: number; feedback: string }>;
}

/** A number from text, for seeds. */
function hashSeed(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) & 0x7fffffff;
}

/** The questions of a new attempt: each zone's questions (or `pick` of them), each with its own seed. */
export function drawQuestions(meta: AssessmentMeta, base: string): DrawnQuestion[] {
  const drawn: DrawnQuestion[] = [];
  for (const [z, zone] of meta.zones.entries()) {
    let chosen = zone.questions;
    if (zone.pick !== undefined) {
      chosen = [...zone.questions]
        .map((q) => ({ q, order: hashSeed(base, 'zone', z, q.id) }))
        .sort((a, b) => a.order - b.order)
        .slice(0, zone.pick)
        .map(({ q }) => q)
        .sort((a, b) => zone.questions.indexOf(a) - zone.questions.indexOf(b));
    }
    for (const q of chosen)
      drawn.push({ questionId: q.id, seed: hashSeed(base, q.id), points: q.points, zone: zone.title });
  }
  return drawn;
}

export function loadAssessment(id: string): AssessmentMeta {
  try {
    return readAssessment(id).meta;
  } catch {
    throw new HttpError(404, `no assessment "${id}"`);
  }
}

/**
 * Who may see an assessment: anyone signed in when its audience is everyone (and no class is
 * named); else a member of a class that scheduled it, within that class's window.
 */
export async function assessmentAccess(
  userId: string,
  meta: AssessmentMeta,
  classId: string | null,
  prisma: PrismaClient = db(),
): Promise<ClassAssessmentAccess | null> {
  if (classId) return classAssessmentAccess(userId, classId, meta, prisma);
  if (meta.audience === 'class') throw new HttpError(404, `no assessment "${meta.id}"`);
  return null;
}

/** Starts an attempt, or returns the open one (two tabs, two devices, a double click: one attempt). */
export async function startAttempt(
  userId: string,
  assessmentId: string,
  mode: AttemptMode,
  prisma: PrismaClient = db(),
  classId: string | null = null,
): Promise<{ id: string; resumed: boolean }> {
  const meta = loadAssessment(assessmentId);
  const inClass = await assessmentAccess(userId, meta, classId, prisma);
  if (mode === 'practice' && !meta.practice)
    throw new HttpError(400, 'mode: this assessment has no practice mode');
  if (meta.zones.length === 0)
    throw new HttpError(400, 'this homework has only exercises: submit them on their pages');
  const openKey = `${userId}:${assessmentId}:${mode}${classId ? `:${classId}` : ''}`;
  const open = await prisma.attempt.findUnique({ where: { openKey } });
  if (open) {
    await submitIfOverdue(open.id, prisma);
    const still = await prisma.attempt.findUnique({ where: { openKey } });
    if (still) return { id: still.id, resumed: true };
  }
  const startedAt = new Date();
  if (inClass) assertCanStart(meta, mode, inClass, startedAt);
  if (mode === 'timed' && meta.attempts !== null) {
    const used = await prisma.attempt.count({ where: { userId, assessmentId, mode, classId } });
    if (used >= meta.attempts)
      throw new HttpError(
        409,
        `you have used your ${meta.attempts} attempt${meta.attempts === 1 ? '' : 's'} at this assessment`,
      );
  }
  const questions = drawQuestions(
    meta,
    `${userId}:${assessmentId}:${mode}:${startedAt.getTime()}:${Math.random()}`,
  );
  try {
    const created = await prisma.attempt.create({
      data: {
        userId,
        assessmentId,
        classId,
        mode,
        questions: JSON.stringify(questions),
        openKey,
        startedAt,
        deadlineAt:
          mode === 'timed'
            ? attemptDeadline(
                meta.kind === 'exam' ? meta.timeLimitMinutes : undefined,
                inClass?.window ?? null,
                startedAt,
              )
            : null,
        maxScore: meta.questionPoints,
      },
    });
    return { id: created.id, resumed: false };
  } catch (error) {
    // another request opened it at the same moment: that one is the attempt
    const raced = await prisma.attempt.findUnique({ where: { openKey } });
    if (raced) return { id: raced.id, resumed: true };
    throw error;
  }
}

/** Grades a stored attempt's answers and submits it, once (a second call changes nothing). */
export async function submitAttempt(
  attemptId: string,
  by: 'student' | 'server',
  prisma: PrismaClient = db(),
): Promise<boolean> {
  const attempt = await prisma.attempt.findUnique({ where: { id: attemptId }, include: { answers: true } });
  if (!attempt || attempt.status !== 'open') return false;
  const questions = JSON.parse(attempt.questions) as DrawnQuestion[];
  const meta = loadAssessment(attempt.assessmentId);
  const saved = new Map(attempt.answers.map((a) => [a.position, JSON.parse(a.responses) as Responses]));
  const grades: QuestionGrade[] = [];
  const runCode = codeRunner(attempt.userId, attempt.mode === 'practice' ? PRIORITY.practice : PRIORITY.exam);
  for (const [position, q] of questions.entries()) {
    const variant = makeVariant(loadQuestion(q.questionId), q.seed);
    const grade = await gradeVariantWithCode(variant, saved.get(position) ?? {}, runCode);
    const scale = grade.maxScore > 0 ? q.points / grade.maxScore : 0;
    // practice: the last try counts at its variant's value, or a better checked try
    const value = attempt.mode === 'practice' ? practiceValue(meta, q.variant ?? 0) : 1;
    grades.push({
      score: Math.round(Math.max(grade.score * scale * value, q.best ?? 0) * 100) / 100,
      points: q.points,
      manualPoints: Math.round(grade.manualPoints * scale * 100) / 100,
      parts: Object.fromEntries(
        Object.entries(grade.parts).map(([id, r]) => [
          id,
          { status: r.status, points: r.points, maxPoints: r.maxPoints, feedback: r.feedback },
        ]),
      ),
    });
  }
  const now = new Date();
  const submittedAt = attempt.deadlineAt && now > attempt.deadlineAt ? attempt.deadlineAt : now;
  // homework of a class: work handed in after the due date loses what the late policy says
  let penalty: number | null = null;
  if (attempt.classId && attempt.mode === 'timed') {
    const inClass = await classAssessmentAccess(attempt.userId, attempt.classId, meta, prisma).catch(
      () => null,
    );
    const taken = inClass ? latePenalty(inClass.entry, inClass.window, submittedAt) : 0;
    if (taken > 0) penalty = taken;
  }
  const done = await prisma.attempt.updateMany({
    where: { id: attemptId, status: 'open' },
    data: {
      status: 'submitted',
      openKey: null,
      submittedAt,
      submittedBy: by,
      latePenalty: penalty,
      score: Math.round(grades.reduce((s, g) => s + g.score, 0) * 100) / 100,
      grades: JSON.stringify(grades),
    },
  });
  return done.count === 1;
}

/** Submits the attempt when its deadline has passed. */
export async function submitIfOverdue(attemptId: string, prisma: PrismaClient = db()): Promise<void> {
  const attempt = await prisma.attempt.findUnique({
    where: { id: attemptId },
    select: { status: true, deadlineAt: true },
  });
  if (attempt?.status === 'open' && attempt.deadlineAt && attempt.deadlineAt.getTime() <= Date.now())
    await submitAttempt(attemptId, 'server', prisma);
}

/** Submits every open attempt whose deadline has passed (the server's sweep); returns how many. */
export async function submitOverdueAttempts(prisma: PrismaClient = db()): Promise<number> {
  const overdue = await prisma.attempt.findMany({
    where: { status: 'open', deadlineAt: { lte: new Date() } },
    select: { id: true },
  });
  let count = 0;
  for (const { id } of overdue) if (await submitAttempt(id, 'server', prisma)) count += 1;
  return count;
}

/** Saves the answer to one question of an open attempt; a late or closed attempt refuses it. */
export async function saveAnswer(
  attemptId: string,
  userId: string,
  position: number,
  responses: Responses,
  prisma: PrismaClient = db(),
): Promise<{ savedAt: Date }> {
  const attempt = await ownAttempt(attemptId, userId, prisma);
  const questions = JSON.parse(attempt.questions) as DrawnQuestion[];
  if (!Number.isInteger(position) || position < 0 || position >= questions.length)
    throw new HttpError(400, `position: the attempt has questions 0 to ${questions.length - 1}`);
  if (attempt.status !== 'open')
    throw new HttpError(409, 'this attempt is submitted: answers can no longer change');
  if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= Date.now()) {
    await submitAttempt(attemptId, 'server', prisma);
    throw new HttpError(
      410,
      'the time is up: the attempt was submitted with the answers saved before the deadline',
    );
  }
  const saved = await prisma.attemptAnswer.upsert({
    where: { attemptId_position: { attemptId, position } },
    create: { attemptId, position, responses: JSON.stringify(responses) },
    update: { responses: JSON.stringify(responses) },
  });
  return { savedAt: saved.savedAt };
}

export async function ownAttempt(attemptId: string, userId: string, prisma: PrismaClient = db()) {
  const attempt = await prisma.attempt.findUnique({ where: { id: attemptId } });
  if (!attempt || attempt.userId !== userId) throw new HttpError(404, 'no such attempt');
  return attempt;
}

/**
 * Whether a submitted attempt's scores, keys and solutions may be shown now: at once, or (policy
 * "after-close") once the class's window has closed for everyone; an assessment without a close
 * date releases them at submission.
 */
export function resultsReleased(
  feedback: FeedbackPolicy,
  inClass: ClassAssessmentAccess | null,
  now: Date,
): boolean {
  if (feedback !== 'after-close') return true;
  const closes = inClass?.entry.closesAt;
  if (!closes) return true;
  const lateEnd =
    closes.getTime() + (inClass.entry.latePercentPerDay === null ? 0 : inClass.entry.lateDays) * 86_400_000;
  return now.getTime() >= Math.max(lateEnd, inClass.window.cutoffAt?.getTime() ?? 0);
}

/** Everything the attempt page shows: before submission no key, no solution, no score. */
export async function attemptView(attemptId: string, userId: string, prisma: PrismaClient = db()) {
  await submitIfOverdue(attemptId, prisma);
  const attempt = await prisma.attempt.findUnique({
    where: { id: attemptId },
    include: { answers: true, manualGrades: true },
  });
  if (!attempt || attempt.userId !== userId) throw new HttpError(404, 'no such attempt');
  const meta = loadAssessment(attempt.assessmentId);
  const drawn = JSON.parse(attempt.questions) as DrawnQuestion[];
  const saved = new Map(attempt.answers.map((a) => [a.position, JSON.parse(a.responses) as Responses]));
  const submitted = attempt.status === 'submitted';
  const grades = submitted && attempt.grades ? (JSON.parse(attempt.grades) as QuestionGrade[]) : null;
  const inClass = attempt.classId
    ? await classAssessmentAccess(userId, attempt.classId, meta, prisma).catch(() => null)
    : null;
  const feedback: FeedbackPolicy = inClass?.feedback ?? meta.feedback;
  const showResults = submitted && resultsReleased(feedback, inClass, new Date());
  const questions = await Promise.all(
    drawn.map(async (q, position) => {
      const question = loadQuestion(q.questionId);
      const variant = makeVariant(question, q.seed);
      // the rubric items staff applied to this question's manually graded parts
      const manual = attempt.manualGrades
        .filter((m) => m.position === position)
        .map((m) => {
          const part = variant.parts[m.part];
          const ids = JSON.parse(m.items) as string[];
          const rubric = part?.type === 'text' ? part.rubric : [];
          return {
            part: m.part,
            points: m.points,
            comment: m.comment,
            items: rubric
              .filter((r) => ids.includes(r.id))
              .map((r) => ({ description: r.description, points: r.points })),
          };
        });
      return {
        position,
        questionId: q.questionId,
        title: question.meta.title,
        lecture: question.meta.lecture,
        topic: question.meta.topic,
        zone: q.zone,
        points: q.points,
        variant: q.variant ?? 0,
        best: q.best ?? null,
        value: attempt.mode === 'practice' ? practiceValue(meta, q.variant ?? 0) : 1,
        promptCode: await renderVariant(question, variant, 'prompt'),
        parts: Object.fromEntries(Object.entries(variant.parts).map(([id, part]) => [id, publicPart(part)])),
        responses: saved.get(position) ?? {},
        ...(showResults && grades
          ? {
              grade: grades[position],
              manual,
              keys: Object.fromEntries(
                Object.entries(variant.parts).map(([id, part]) => [id, keyResponse(part)]),
              ),
              solutionCode: await renderVariant(question, variant, 'solution'),
            }
          : {}),
      };
    }),
  );
  return {
    id: attempt.id,
    assessment: {
      id: meta.id,
      title: meta.title,
      kind: meta.kind,
      points: meta.questionPoints,
      feedback,
    },
    classId: attempt.classId,
    latePenalty: showResults ? attempt.latePenalty : null,
    mode: attempt.mode as AttemptMode,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
    serverNow: new Date().toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    submittedBy: attempt.submittedBy,
    score:
      showResults && grades
        ? afterPenalty(
            (attempt.score ?? 0) +
              manualScores(
                grades,
                attempt.manualGrades.map((m) => ({ ...m, items: JSON.parse(m.items) as string[] })),
              ).reduce((a, b) => a + b, 0),
            attempt.latePenalty ?? 0,
          )
        : null,
    maxScore: attempt.maxScore,
    questions,
  };
}

export type AttemptView = Awaited<ReturnType<typeof attemptView>>;

/**
 * The title of an open timed exam of the user's that has a code part on this exercise, or null.
 * While it runs, the exercise's Run kit (public expected values) and its submissions (scores)
 * are refused, unless the exam shows scores during the attempt.
 */
export async function examLockingExercise(
  userId: string,
  exerciseId: string,
  prisma: PrismaClient = db(),
): Promise<string | null> {
  const open = await prisma.attempt.findMany({
    where: { userId, status: 'open', mode: 'timed' },
    select: { id: true, assessmentId: true, classId: true, questions: true, deadlineAt: true },
  });
  for (const attempt of open) {
    if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= Date.now()) continue;
    const meta = loadAssessment(attempt.assessmentId);
    const inClass = attempt.classId
      ? await classAssessmentAccess(userId, attempt.classId, meta, prisma).catch(() => null)
      : null;
    if ((inClass?.feedback ?? meta.feedback) === 'during') continue;
    const drawn = JSON.parse(attempt.questions) as DrawnQuestion[];
    const usesIt = drawn.some((q) =>
      Object.values(makeVariant(loadQuestion(q.questionId), q.seed).parts).some(
        (part) => part.type === 'code' && part.exercise === exerciseId,
      ),
    );
    if (usesIt) return meta.title;
  }
  return null;
}
