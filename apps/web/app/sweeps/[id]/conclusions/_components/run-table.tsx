import type { ReactNode } from 'react';

import { formatCell } from '../_lib/format-conclusions';
import { DataTable, type DataColumn } from './data-table';
import { RunLink } from './run-link';

/** What every row of a {@link RunTable} names: the run, its cell and its repeat. */
export interface RunRow {
  runId: string;
  batchSize: number;
  learningRate: number;
  repeat: number;
}

/** Props of {@link RunTable}. */
export interface RunTableProps<R extends RunRow> {
  runs: readonly R[];
  /** The columns after Run, Cell and Repeat. */
  columns: readonly DataColumn[];
  /** A row's cells under {@link columns}. */
  renderCells: (run: R) => ReactNode;
  caption?: ReactNode;
  testId?: string;
}

/** A table of runs, one a row: the run's link, its cell and repeat, then the section's own columns. */
export function RunTable<R extends RunRow>({ runs, columns, renderCells, caption, testId }: RunTableProps<R>) {
  return (
    <DataTable
      {...(caption === undefined ? {} : { caption })}
      {...(testId === undefined ? {} : { testId })}
      columns={[{ label: 'Run' }, { label: 'Cell' }, { label: 'Repeat', numeric: true }, ...columns]}
    >
      {runs.map((run) => (
        <tr key={run.runId}>
          <td>
            <RunLink runId={run.runId} />
          </td>
          <td>{formatCell(run)}</td>
          <td className="num">{run.repeat}</td>
          {renderCells(run)}
        </tr>
      ))}
    </DataTable>
  );
}
