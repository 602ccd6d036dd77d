import 'server-only';
import { type AssessmentMeta, listAssessments, readAssessment } from '@gradlab/content';
import { audit, type ClassAssessment, type PrismaClient } from '@gradlab/prisma';
import { HttpError } from './api.ts';
import { db } from './db.ts';
import {
  cannotStart,
  mergeAccommodations,
  noAccommodation,
  type StudentWindow,
  studentWindow,
} from './schedule-rules.ts';

/**
 * Assessments in classes: which class scheduled what, with which dates and late policy; each
 * student's window (with their accommodation); and who may see an assessment at all (a
 * class-only assessment is invisible outside the classes that scheduled it).
 */

export type FeedbackPolicy = AssessmentMeta['feedback'];

/** An assessment as a student of a class meets it: the schedule and their own window. */
export interface ClassAssessmentAccess {
  classId: string;
  entry: ClassAssessment;
  window: StudentWindow;
  feedback: FeedbackPolicy;
}

export function readMeta(id: string): AssessmentMeta | null {
  try {
    return readAssessment(id).meta;
  } catch {
    return null;
  }
}

/** The feedback policy in force: the class's choice, else the assessment's own. */
export function feedbackPolicy(
  meta: AssessmentMeta,
  entry: { feedback: string | null } | null,
): FeedbackPolicy {
  const chosen = entry?.feedback;
  return chosen === 'during' || chosen === 'after-submission' || chosen === 'after-close'
    ? chosen
    : meta.feedback;
}

/**
 * A member's access to an assessment in a class: 404 when they are not in the class or the class
 * did not schedule it (its existence is not revealed).
 */
export async function classAssessmentAccess(
  userId: string,
  classId: string,
  meta: AssessmentMeta,
  prisma: PrismaClient = db(),
): Promise<ClassAssessmentAccess> {
  const [member, entry] = await Promise.all([
    prisma.enrollment.findUnique({ where: { classId_userId: { classId, userId } }, select: { role: true } }),
    prisma.classAssessment.findUnique({
      where: { classId_assessmentId: { classId, assessmentId: meta.id } },
    }),
  ]);
  if (!member || !entry) throw new HttpError(404, `no assessment "${meta.id}"`);
  const rows = await prisma.accommodation.findMany({
    where: { classId, userId, assessmentId: { in: ['*', meta.id] } },
  });
  return {
    classId,
    entry,
    window: studentWindow(entry, rows.length > 0 ? mergeAccommodations(rows, meta.id) : noAccommodation),
    feedback: feedbackPolicy(meta, entry),
  };
}

/** Refuses (409) an attempt that may not start now, with the reason. */
export function assertCanStart(
  meta: AssessmentMeta,
  mode: 'timed' | 'practice',
  access: ClassAssessmentAccess,
  now: Date,
): void {
  if (mode === 'practice' && meta.kind === 'exam') {
    // practising an exam of the class before it closes would show its questions early
    if (!access.window.cutoffAt || now < access.window.cutoffAt)
      throw new HttpError(409, 'practice opens when the exam has closed');
    return;
  }
  const why = cannotStart(access.window, now);
  if (why) throw new HttpError(409, `you cannot start this ${meta.kind} now: ${why}`);
}

/** The assessments a class scheduled, with their settings, sorted by date. */
export async function classSchedule(classId: string, prisma: PrismaClient = db()) {
  const entries = await prisma.classAssessment.findMany({ where: { classId } });
  return entries
    .map((entry) => ({ entry, meta: readMeta(entry.assessmentId) }))
    .filter((e): e is { entry: ClassAssessment; meta: AssessmentMeta } => e.meta !== null)
    .sort(
      (a, b) =>
        (a.entry.closesAt?.getTime() ?? Number.POSITIVE_INFINITY) -
          (b.entry.closesAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
        a.meta.title.localeCompare(b.meta.title),
    );
}

/** Every assessment in the content, for the instructor's schedule form. */
export function schedulableAssessments(): AssessmentMeta[] {
  return listAssessments();
}

export interface ScheduleInput {
  assessmentId: string;
  opensAt: Date | null;
  closesAt: Date | null;
  latePercentPerDay: number | null;
  lateDays: number;
  feedback: FeedbackPolicy | null;
}

/** Schedules an assessment in a class, or changes its settings. */
export async function saveSchedule(
  classId: string,
  actorId: string,
  input: ScheduleInput,
  prisma: PrismaClient = db(),
): Promise<void> {
  const meta = readMeta(input.assessmentId);
  if (!meta) throw new HttpError(400, `assessmentId: no assessment "${input.assessmentId}"`);
  if (input.opensAt && input.closesAt && input.opensAt >= input.closesAt)
    throw new HttpError(400, 'closesAt: the close (due) date must come after the opening date');
  if (meta.kind === 'exam' && input.latePercentPerDay !== null)
    throw new HttpError(
      400,
      'latePercentPerDay: an exam takes no late work (its attempts end at the close date)',
    );
  if (input.latePercentPerDay !== null && !input.closesAt)
    throw new HttpError(400, 'latePercentPerDay: a late policy needs a due date');
  const data = {
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    latePercentPerDay: input.latePercentPerDay,
    lateDays: input.latePercentPerDay === null ? 0 : input.lateDays,
    feedback: input.feedback,
  };
  await prisma.classAssessment.upsert({
    where: { classId_assessmentId: { classId, assessmentId: meta.id } },
    create: { classId, assessmentId: meta.id, ...data },
    update: data,
  });
  await audit(prisma, {
    classId,
    actorId,
    action: 'assessment.schedule',
    subjectId: null,
    detail: { assessmentId: meta.id, ...data },
  });
}

export async function removeSchedule(
  classId: string,
  actorId: string,
  assessmentId: string,
  prisma: PrismaClient = db(),
): Promise<void> {
  const removed = await prisma.classAssessment.deleteMany({ where: { classId, assessmentId } });
  if (removed.count === 0) throw new HttpError(404, `the class has not scheduled "${assessmentId}"`);
  await audit(prisma, { classId, actorId, action: 'assessment.unschedule', detail: { assessmentId } });
}

export interface AccommodationInput {
  userId: string;
  /** an assessment id, or "*" for all */
  assessmentId: string;
  timeFactor: number;
  extraMinutes: number;
  closesAt: Date | null;
}

/** Sets a student's accommodation (an instructor's decision, audited). */
export async function saveAccommodation(
  classId: string,
  actorId: string,
  input: AccommodationInput,
  prisma: PrismaClient = db(),
): Promise<void> {
  const member = await prisma.enrollment.findUnique({
    where: { classId_userId: { classId, userId: input.userId } },
    select: { role: true },
  });
  if (member?.role !== 'student') throw new HttpError(400, 'userId: not a student of this class');
  if (input.assessmentId !== '*' && !readMeta(input.assessmentId))
    throw new HttpError(400, `assessmentId: no assessment "${input.assessmentId}"`);
  const data = { timeFactor: input.timeFactor, extraMinutes: input.extraMinutes, closesAt: input.closesAt };
  await prisma.accommodation.upsert({
    where: {
      classId_userId_assessmentId: { classId, userId: input.userId, assessmentId: input.assessmentId },
    },
    create: { classId, userId: input.userId, assessmentId: input.assessmentId, ...data },
    update: data,
  });
  await audit(prisma, {
    classId,
    actorId,
    action: 'accommodation.set',
    subjectId: input.userId,
    detail: { assessmentId: input.assessmentId, ...data },
  });
}

export async function removeAccommodation(
  classId: string,
  actorId: string,
  userId: string,
  assessmentId: string,
  prisma: PrismaClient = db(),
): Promise<void> {
  const removed = await prisma.accommodation.deleteMany({ where: { classId, userId, assessmentId } });
  if (removed.count === 0) throw new HttpError(404, 'no such accommodation');
  await audit(prisma, {
    classId,
    actorId,
    action: 'accommodation.clear',
    subjectId: userId,
    detail: { assessmentId },
  });
}
