/**
 * The rules of a class's schedule, as pure functions (no database): when a student may start an
 * assessment, when the server submits their attempt (the time limit stretched by their
 * accommodation, never past their close date), and what the late policy takes from late work.
 */

const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** An assessment as a class scheduled it (the `ClassAssessment` row's fields). */
export interface ScheduleEntry {
  opensAt: Date | null;
  /** exams: the close date; homework: the due date */
  closesAt: Date | null;
  /** null: late work is not accepted */
  latePercentPerDay: number | null;
  lateDays: number;
}

/** A student's accommodation (the `Accommodation` rows that apply, merged). */
export interface AccommodationEntry {
  timeFactor: number;
  extraMinutes: number;
  /** a personal close or due date (null: the class's) */
  closesAt: Date | null;
}

export const noAccommodation: AccommodationEntry = { timeFactor: 1, extraMinutes: 0, closesAt: null };

/**
 * The accommodation for one assessment: a row for this assessment wins over the student's row
 * for every assessment ("*"), field by field where the specific row leaves the default.
 */
export function mergeAccommodations(
  rows: { assessmentId: string; timeFactor: number; extraMinutes: number; closesAt: Date | null }[],
  assessmentId: string,
): AccommodationEntry {
  const general = rows.find((r) => r.assessmentId === '*');
  const specific = rows.find((r) => r.assessmentId === assessmentId);
  return {
    timeFactor: specific && specific.timeFactor !== 1 ? specific.timeFactor : (general?.timeFactor ?? 1),
    extraMinutes:
      specific && specific.extraMinutes !== 0 ? specific.extraMinutes : (general?.extraMinutes ?? 0),
    closesAt: specific?.closesAt ?? general?.closesAt ?? null,
  };
}

/** A student's window for a scheduled assessment. */
export interface StudentWindow {
  opensAt: Date | null;
  /** the close or due date that applies to the student (their personal one when set) */
  dueAt: Date | null;
  /** the last moment work is accepted: the due date, or the end of the late period */
  cutoffAt: Date | null;
  timeFactor: number;
  extraMinutes: number;
}

export function studentWindow(entry: ScheduleEntry, accommodation: AccommodationEntry): StudentWindow {
  const dueAt = accommodation.closesAt ?? entry.closesAt;
  const lateDays = entry.latePercentPerDay === null ? 0 : entry.lateDays;
  return {
    opensAt: entry.opensAt,
    dueAt,
    cutoffAt: dueAt === null ? null : new Date(dueAt.getTime() + lateDays * DAY),
    timeFactor: accommodation.timeFactor,
    extraMinutes: accommodation.extraMinutes,
  };
}

/** Why the student cannot start now, or null when they can. */
export function cannotStart(window: StudentWindow, now: Date): string | null {
  if (window.opensAt && now < window.opensAt)
    return `it opens at ${window.opensAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (window.cutoffAt && now >= window.cutoffAt) return 'it is closed';
  return null;
}

/**
 * When the server submits an attempt started at `startedAt`: the time limit (times the factor,
 * plus the extra minutes) and never after the cut-off; null when neither applies.
 */
export function attemptDeadline(
  timeLimitMinutes: number | undefined,
  window: StudentWindow | null,
  startedAt: Date,
): Date | null {
  const factor = window?.timeFactor ?? 1;
  const extra = window?.extraMinutes ?? 0;
  const byLimit =
    timeLimitMinutes === undefined
      ? null
      : startedAt.getTime() + Math.round((timeLimitMinutes * factor + extra) * MINUTE);
  const cutoff = window?.cutoffAt?.getTime() ?? null;
  if (byLimit === null && cutoff === null) return null;
  return new Date(Math.min(byLimit ?? Number.POSITIVE_INFINITY, cutoff ?? Number.POSITIVE_INFINITY));
}

/**
 * The share of the score the late policy takes from work handed in at `at` (0: on time; 1:
 * nothing counts). Each started day after the due date takes `latePercentPerDay`; work after the
 * late period, or any late work when late work is not accepted, counts nothing.
 */
export function latePenalty(entry: ScheduleEntry, window: StudentWindow, at: Date): number {
  if (!window.dueAt || at <= window.dueAt) return 0;
  if (entry.latePercentPerDay === null) return 1;
  if (window.cutoffAt && at > window.cutoffAt) return 1;
  const days = Math.ceil((at.getTime() - window.dueAt.getTime()) / DAY);
  return Math.min(1, (days * entry.latePercentPerDay) / 100);
}

/** A score after the late penalty, to two decimals. */
export function afterPenalty(score: number, penalty: number): number {
  return Math.round(score * (1 - penalty) * 100) / 100;
}

/** The policy in words, for students and staff. */
export function latePolicyText(entry: ScheduleEntry): string {
  if (!entry.closesAt) return 'no due date';
  if (entry.latePercentPerDay === null) return 'late work is not accepted';
  return `${entry.latePercentPerDay}% off per day late, for up to ${entry.lateDays} day${entry.lateDays === 1 ? '' : 's'}`;
}
