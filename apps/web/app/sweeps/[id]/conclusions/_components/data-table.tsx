import type { ReactNode } from 'react';

import styles from '../conclusions.module.css';

/** One column of a {@link DataTable}. */
export interface DataColumn {
  label: ReactNode;
  /** Right-aligned, in tabular figures. @default false */
  numeric?: boolean;
}

/** Props of {@link DataTable}. */
export interface DataTableProps {
  columns: readonly DataColumn[];
  /** What the table holds, read before its rows. */
  caption?: ReactNode;
  testId?: string;
  /** The body's rows. */
  children: ReactNode;
}

/** A table of the conclusions' numbers with one row of column headings, scrolling sideways on a narrow screen. */
export function DataTable({ columns, caption, testId, children }: DataTableProps) {
  return (
    <div className={styles.tableScroll}>
      <table className={`table ${styles.dataTable}`} data-testid={testId}>
        {caption !== undefined && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
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
