'use client';
import { type FormEvent, useState } from 'react';
import { ActionMessage, useAction } from './use-action.tsx';

interface Option {
  id: string;
  label: string;
}

/**
 * Staff: override a student's grade for an exercise (a score that counts instead of the
 * computed one), give an extension (a personal due date), or both, always with a reason. The
 * computed score is kept beside it. "Clear" removes the override.
 */
export function OverrideForm({
  classId,
  students,
  exercises,
}: {
  classId: string;
  students: Option[];
  exercises: (Option & { points: number })[];
}) {
  const { state, send } = useAction();
  const [exerciseId, setExerciseId] = useState(exercises[0]?.id ?? '');
  const points = exercises.find((e) => e.id === exerciseId)?.points ?? 0;
  const target = (form: FormData) => ({ userId: String(form.get('userId') ?? ''), exerciseId });
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scoreText = String(form.get('score') ?? '').trim();
    const dueText = String(form.get('dueAt') ?? '').trim();
    await send(
      'POST',
      `/api/classes/${classId}/overrides`,
      {
        ...target(form),
        score: scoreText === '' ? null : Number(scoreText),
        dueAt: dueText === '' ? null : new Date(dueText).toISOString(),
        reason: String(form.get('reason') ?? ''),
      },
      () => 'Override saved.',
    );
  }
  async function clear(event: React.MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (form)
      await send(
        'DELETE',
        `/api/classes/${classId}/overrides`,
        target(new FormData(form)),
        () => 'Override cleared.',
      );
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Override a grade">
      <label>
        Student
        <select name="userId" required aria-label="Student">
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Exercise
        <select
          name="exerciseId"
          aria-label="Exercise"
          value={exerciseId}
          onChange={(e) => setExerciseId(e.currentTarget.value)}
        >
          {exercises.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Score (of {points})
        <input name="score" type="number" min={0} max={points} step="any" />
      </label>
      <label>
        Extended due date
        <input name="dueAt" type="datetime-local" />
      </label>
      <label>
        Reason
        <input name="reason" required maxLength={500} />
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Save override
      </button>
      <button type="button" className="link-button" onClick={clear} disabled={state.kind === 'busy'}>
        Clear override
      </button>
      <ActionMessage state={state} testId="override-result" />
    </form>
  );
}
