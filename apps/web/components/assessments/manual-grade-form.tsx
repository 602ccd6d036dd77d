'use client';
import { type FormEvent, useState } from 'react';
import { ActionMessage, useAction } from '../classes/use-action.tsx';

interface Item {
  id: string;
  description: string;
  points: number;
}

/**
 * Grades one free-text answer (or reason) with the rubric: credits and deductions ticked, the
 * points their sum, capped to the part's points and never below 0.
 */
export function ManualGradeForm({
  assessmentId,
  attemptId,
  position,
  part,
  rubric,
  maxPoints,
}: {
  assessmentId: string;
  attemptId: string;
  position: number;
  part: string;
  rubric: Item[];
  maxPoints: number;
}) {
  const { state, send } = useAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const sum = rubric.filter((r) => chosen.includes(r.id)).reduce((s, r) => s + r.points, 0);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '');
    await send<{ points: number }>(
      'POST',
      `/api/instructor/assessments/${assessmentId}/manual`,
      { attemptId, position, part, items: chosen, comment },
      (a) => `Graded: ${a.points} point${a.points === 1 ? '' : 's'}.`,
    );
  }
  return (
    <form onSubmit={onSubmit} aria-label={`Grade part ${part} of question ${position + 1}`}>
      <fieldset className="answer-options">
        <legend>Rubric (at most {maxPoints} points)</legend>
        {rubric.map((item) => (
          <label key={item.id}>
            <input
              type="checkbox"
              checked={chosen.includes(item.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setChosen((c) => (on ? [...c, item.id] : c.filter((x) => x !== item.id)));
              }}
            />{' '}
            {item.points > 0 ? '+' : ''}
            {item.points}: {item.description}
          </label>
        ))}
      </fieldset>
      <label className="block-label">
        Comment for the student
        <textarea name="comment" rows={2} maxLength={2000} />
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Save grade ({Math.max(0, Math.min(maxPoints, sum))} points)
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
