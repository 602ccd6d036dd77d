import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** right-aligned numbers */
  numeric?: boolean;
  /** never wraps (status, dates): stays readable when other columns hold long values */
  nowrap?: boolean;
  key?: string;
}

/** The instructor pages' data table: a scrollable wrapper, a header row of columns, the body rows. */
export function DataTable({
  columns,
  testId,
  children,
}: {
  columns: Column[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
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
    </div>
  );
}
