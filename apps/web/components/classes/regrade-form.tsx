'use client';
import { type FormEvent, useState } from 'react';
import type { RegradeSummary } from '../../lib/regrade.ts';
import { DataTable } from '../instructor/data-table.tsx';
import { ActionMessage, useAction } from './use-action.tsx';

const points = (n: number | null) => (n === null ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * Instructors: grade every submission of an exercise again (after its spec changed) and see
 * what changed, submission by submission.
 */
export function RegradeForm({
  classId,
  exercises,
}: {
  classId: string;
  exercises: { id: string; label: string }[];
}) {
  const { state, send } = useAction();
  const [summary, setSummary] = useState<RegradeSummary | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const exerciseId = String(new FormData(event.currentTarget).get('exerciseId') ?? '');
    setSummary(null);
    const answer = await send<RegradeSummary>(
      'POST',
      `/api/classes/${classId}/regrade`,
      { exerciseId },
      (s) =>
        `Regraded ${s.regraded} submission${s.regraded === 1 ? '' : 's'}: ${s.up} up, ${s.down} down, ${s.unchanged} unchanged` +
        (s.skipped ? `; ${s.skipped} still waiting for their first grading were left to the queue` : '') +
        (s.maxScoreFrom !== null && s.maxScoreFrom !== s.maxScoreTo
          ? `; maximum ${points(s.maxScoreFrom)} → ${points(s.maxScoreTo)}`
          : '') +
        '.',
    );
    setSummary(answer);
  }
  return (
    <>
      <form className="filters" onSubmit={onSubmit} aria-label="Regrade an exercise">
        <label>
          Exercise
          <select name="exerciseId" aria-label="Exercise to regrade">
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Regrading…' : 'Regrade all submissions'}
        </button>
      </form>
      <ActionMessage state={state} testId="regrade-result" />
      {summary && summary.changes.length > 0 ? (
        <DataTable
          columns={[
            { label: 'Student' },
            { label: 'Before', numeric: true },
            { label: 'After', numeric: true },
            { label: 'Tests that changed' },
          ]}
          testId="regrade-changes"
          label="Submissions whose score changed"
        >
          {summary.changes.map((c) => (
            <tr key={c.submissionId}>
              <td>
                {c.name} <span className="muted">{c.email}</span>
              </td>
              <td className="num">{points(c.from)}</td>
              <td className="num">{points(c.to)}</td>
              <td>{c.flipped.join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
