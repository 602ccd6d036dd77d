'use client';
import type { FormEvent } from 'react';
import { ActionMessage, useAction } from './use-action.tsx';

/** A `datetime-local` value (the browser's local time) as an ISO date-time, or null when empty. */
function isoOrNull(value: FormDataEntryValue | null): string | null {
  const text = String(value ?? '').trim();
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

const numberOrNull = (value: FormDataEntryValue | null): number | null => {
  const text = String(value ?? '').trim();
  return text === '' ? null : Number(text);
};

interface Option {
  id: string;
  title: string;
}

/** Instructors: schedule an assessment in the class (or change its dates and policies). */
export function ScheduleForm({ classId, assessments }: { classId: string; assessments: Option[] }) {
  const { state, send } = useAction();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const feedback = String(form.get('feedback') ?? '');
    await send('POST', `/api/classes/${classId}/assessments`, {
      assessmentId: String(form.get('assessmentId') ?? ''),
      opensAt: isoOrNull(form.get('opensAt')),
      closesAt: isoOrNull(form.get('closesAt')),
      latePercentPerDay: numberOrNull(form.get('latePercentPerDay')),
      lateDays: Number(form.get('lateDays') || 0),
      feedback: feedback === '' ? null : feedback,
    });
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Schedule an assessment">
      <label>
        Assessment
        <select name="assessmentId" required aria-label="Assessment">
          {assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Opens
        <input name="opensAt" type="datetime-local" />
      </label>
      <label>
        Closes / due
        <input name="closesAt" type="datetime-local" />
      </label>
      <label>
        Late: % off per day (empty: not accepted)
        <input name="latePercentPerDay" type="number" min={0} max={100} step="any" />
      </label>
      <label>
        Late days accepted
        <input name="lateDays" type="number" min={0} max={60} defaultValue={0} />
      </label>
      <label>
        Scores shown
        <select name="feedback" defaultValue="" aria-label="Scores shown">
          <option value="">as the assessment says</option>
          <option value="during">during the attempt</option>
          <option value="after-submission">after submission</option>
          <option value="after-close">after the close date</option>
        </select>
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Schedule
      </button>
      <ActionMessage state={state} testId="schedule-result" />
    </form>
  );
}

export function UnscheduleButton({
  classId,
  assessmentId,
  title,
}: {
  classId: string;
  assessmentId: string;
  title: string;
}) {
  const { state, send } = useAction();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={state.kind === 'busy'}
        onClick={() =>
          void send('DELETE', `/api/classes/${classId}/assessments`, { assessmentId }, () => 'Removed.')
        }
        aria-label={`Remove ${title} from the schedule`}
      >
        Remove
      </button>
      <ActionMessage state={state} />
    </>
  );
}

/** Instructors: a student's extra time (a factor, minutes) and personal close date. */
export function AccommodationForm({
  classId,
  students,
  assessments,
}: {
  classId: string;
  students: { id: string; name: string; email: string }[];
  assessments: Option[];
}) {
  const { state, send } = useAction();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await send('POST', `/api/classes/${classId}/accommodations`, {
      userId: String(form.get('userId') ?? ''),
      assessmentId: String(form.get('assessmentId') ?? '*'),
      timeFactor: Number(form.get('timeFactor') || 1),
      extraMinutes: Number(form.get('extraMinutes') || 0),
      closesAt: isoOrNull(form.get('closesAt')),
    });
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Set an accommodation">
      <label>
        Student
        <select name="userId" required aria-label="Student">
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.email})
            </option>
          ))}
        </select>
      </label>
      <label>
        For
        <select name="assessmentId" defaultValue="*" aria-label="For">
          <option value="*">every assessment</option>
          {assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Time factor
        <input name="timeFactor" type="number" min={1} max={4} step="0.05" defaultValue={1} />
      </label>
      <label>
        Extra minutes
        <input name="extraMinutes" type="number" min={0} max={600} defaultValue={0} />
      </label>
      <label>
        Personal close / due date
        <input name="closesAt" type="datetime-local" />
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Save accommodation
      </button>
      <ActionMessage state={state} testId="accommodation-result" />
    </form>
  );
}

export function RemoveAccommodationButton({
  classId,
  userId,
  assessmentId,
}: {
  classId: string;
  userId: string;
  assessmentId: string;
}) {
  const { state, send } = useAction();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={state.kind === 'busy'}
        onClick={() =>
          void send(
            'DELETE',
            `/api/classes/${classId}/accommodations`,
            { userId, assessmentId },
            () => 'Removed.',
          )
        }
      >
        Remove
      </button>
      <ActionMessage state={state} />
    </>
  );
}
