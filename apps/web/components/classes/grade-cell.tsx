import type { GradebookCell } from '../../lib/gradebook.ts';

function points(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/**
 * One gradebook cell: the effective score; an override is marked (*) with its reason and the
 * computed score beside it, and an extension shows its due date.
 */
export function GradeCell({ cell }: { cell: GradebookCell }) {
  const { computed, override, effective } = cell;
  if (!override) return <>{computed === null ? '–' : points(computed)}</>;
  const parts = [
    override.score !== null ? `override (computed ${computed === null ? 'none' : points(computed)})` : null,
    override.dueAt ? `extended to ${override.dueAt.slice(0, 16).replace('T', ' ')} UTC` : null,
    `reason: ${override.reason}`,
  ].filter(Boolean);
  return (
    <span className="overridden" title={parts.join(' · ')} data-testid="overridden">
      {effective === null ? '–' : points(effective)}
      <sup aria-hidden="true">*</sup>
      <span className="lec-visually-hidden"> ({parts.join('; ')})</span>
    </span>
  );
}
