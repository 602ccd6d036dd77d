import { describe, expect, it } from 'vitest';
import {
  afterPenalty,
  attemptDeadline,
  cannotStart,
  DAY,
  latePenalty,
  latePolicyText,
  mergeAccommodations,
  noAccommodation,
  type ScheduleEntry,
  studentWindow,
} from '../lib/schedule-rules.ts';

const t0 = new Date('2026-12-10T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const exam: ScheduleEntry = { opensAt: t0, closesAt: at(120), latePercentPerDay: null, lateDays: 0 };
const homework: ScheduleEntry = {
  opensAt: t0,
  closesAt: at(7 * 24 * 60),
  latePercentPerDay: 10,
  lateDays: 3,
};

describe('a class schedule', () => {
  it('opens and closes a window, with the reason when it cannot start', () => {
    const window = studentWindow(exam, noAccommodation);
    expect(cannotStart(window, at(-1))).toBe('it opens at 2026-12-10 09:00 UTC');
    expect(cannotStart(window, at(0))).toBeNull();
    expect(cannotStart(window, at(119))).toBeNull();
    expect(cannotStart(window, at(120))).toBe('it is closed');
  });

  it('ends a timed attempt at the time limit, stretched by the accommodation, never after the close', () => {
    const plain = studentWindow(exam, noAccommodation);
    expect(attemptDeadline(90, plain, at(0))).toEqual(at(90));
    // started late: the close date cuts the attempt short
    expect(attemptDeadline(90, plain, at(60))).toEqual(at(120));
    const extra = studentWindow(exam, { timeFactor: 1.5, extraMinutes: 10, closesAt: at(300) });
    expect(attemptDeadline(90, extra, at(0))).toEqual(at(145));
    // a personal close date moves the cut-off for this student only
    expect(attemptDeadline(90, extra, at(200))).toEqual(at(300));
    // a mock exam outside any class: the limit alone; no limit and no close: no deadline
    expect(attemptDeadline(90, null, at(0))).toEqual(at(90));
    expect(attemptDeadline(undefined, null, at(0))).toBeNull();
    expect(attemptDeadline(undefined, studentWindow(homework, noAccommodation), at(0))).toEqual(
      new Date(at(7 * 24 * 60).getTime() + 3 * DAY),
    );
  });

  it('takes the late policy per started day, and everything after the late period', () => {
    const window = studentWindow(homework, noAccommodation);
    const due = homework.closesAt as Date;
    expect(latePenalty(homework, window, due)).toBe(0);
    expect(latePenalty(homework, window, new Date(due.getTime() + 1))).toBeCloseTo(0.1);
    expect(latePenalty(homework, window, new Date(due.getTime() + DAY))).toBeCloseTo(0.1);
    expect(latePenalty(homework, window, new Date(due.getTime() + DAY + 1))).toBeCloseTo(0.2);
    expect(latePenalty(homework, window, new Date(due.getTime() + 3 * DAY))).toBeCloseTo(0.3);
    expect(latePenalty(homework, window, new Date(due.getTime() + 3 * DAY + 1))).toBe(1);
    const strict = { ...homework, latePercentPerDay: null };
    expect(latePenalty(strict, studentWindow(strict, noAccommodation), new Date(due.getTime() + 1))).toBe(1);
    // a personal due date moves the penalty for that student
    const personal = studentWindow(homework, {
      ...noAccommodation,
      closesAt: new Date(due.getTime() + 2 * DAY),
    });
    expect(latePenalty(homework, personal, new Date(due.getTime() + DAY))).toBe(0);
    expect(afterPenalty(17.5, 0.2)).toBe(14);
    expect(latePolicyText(homework)).toBe('10% off per day late, for up to 3 days');
    expect(latePolicyText(strict)).toBe('late work is not accepted');
  });

  it("merges a student's accommodations: the assessment's own row wins over the general one", () => {
    const rows = [
      { assessmentId: '*', timeFactor: 1.25, extraMinutes: 5, closesAt: null },
      { assessmentId: 'final', timeFactor: 2, extraMinutes: 0, closesAt: at(500) },
    ];
    expect(mergeAccommodations(rows, 'final')).toEqual({ timeFactor: 2, extraMinutes: 5, closesAt: at(500) });
    expect(mergeAccommodations(rows, 'midterm')).toEqual({
      timeFactor: 1.25,
      extraMinutes: 5,
      closesAt: null,
    });
    expect(mergeAccommodations([], 'midterm')).toEqual(noAccommodation);
  });
});
