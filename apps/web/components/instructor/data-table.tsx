import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** right-aligned numbers */
  numeric?: boolean;
  /** never wraps (status, dates): stays readable when other columns hold long values */
  nowrap?: boolean;
  key?: string;
}

/**
 * The instructor pages' data table: a scrollable wrapper (reachable with the keyboard, named for
 * screen readers), a header row of columns, the body rows. With `pinEnds`, the first and last
 * columns stay in view while a wide table scrolls (a gradebook's names and totals).
 */
export function DataTable({
  columns,
  testId,
  label,
  pinEnds,
  children,
}: {
  columns: Column[];
  testId?: string;
  /** what the table is, for the scrollable region's accessible name */
  label?: string;
  pinEnds?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus (axe scrollable-region-focusable)
    <section className="table-wrap" tabIndex={0} aria-label={label ?? 'table'}>
      <table className={pinEnds ? 'data pin-ends' : 'data'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th
                scope="col"
                key={column.key ?? i}
                className={column.numeric ? 'num' : column.nowrap ? 'keep' : undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
