import { ErrorCode, SweepscopeError } from '../errors/index.js';
import type { FinalRunStatus } from '../runs/finish-run.js';
import type { EpochRow, ResultRun } from './epoch-row.js';

/** An epoch row and where it was read, for messages. */
export interface LocatedEpochRow {
  row: EpochRow;
  /** How its run ended, as the row says. */
  status: FinalRunStatus;
  /** The row in messages: `runs.csv line 3`, `content row 2`. */
  where: string;
}

/**
 * Gathers epoch rows into runs, one per cell and repeat, in the order each run first
 * appears, each run's epochs in epoch order (the rows may come in any order). Each run's
 * epochs must be numbered 1, 2, … n, each once, and every row of a run give the same status.
 * @param source the content's name in messages: `runs.csv`, `content`
 * @param field the input errors are reported against
 * @throws {SweepscopeError} BAD_USER_INPUT for no rows, an epoch given twice, or epochs that
 *   do not start at 1 or skip a number, or two statuses for one run; the message names the row and the run
 */
export function groupEpochRows(rows: readonly LocatedEpochRow[], source: string, field: string): ResultRun[] {
  const refuse = (message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [field] });
  };
  if (rows.length === 0) refuse(`${source} has no epoch rows: expected one row per epoch of each run.`);
  const runs = new Map<string, { run: ResultRun; rows: LocatedEpochRow[] }>();
  const seen = new Map<string, string>();
  for (const located of rows) {
    const { row, where } = located;
    const runKey = `${row.batchSize}:${row.learningRate}#${row.repeat}`;
    const epochKey = `${runKey}@${row.epoch}`;
    const earlier = seen.get(epochKey);
    if (earlier !== undefined) {
      refuse(`${where}: epoch ${row.epoch} of ${describeRun(row)} is also at ${earlier}: expected each epoch of a run once.`);
    }
    seen.set(epochKey, where);
    const entry = runs.get(runKey) ?? {
      run: { batchSize: row.batchSize, learningRate: row.learningRate, repeat: row.repeat, status: located.status, epochs: [] },
      rows: [],
    };
    if (entry.run.status !== located.status) {
      const first = entry.rows[0]!.where;
      refuse(`${where}: status is ${located.status} but ${describeRun(row)} is ${entry.run.status} at ${first}: expected one status for every row of a run.`);
    }
    entry.rows.push(located);
    runs.set(runKey, entry);
  }
  return [...runs.values()].map(({ run, rows: runRows }) => {
    const ordered = runRows.toSorted((a, b) => a.row.epoch - b.row.epoch);
    for (const [index, { row, where }] of ordered.entries()) {
      if (row.epoch === index + 1) continue;
      if (index === 0) {
        refuse(`${where}: epoch is ${row.epoch}, the first of ${describeRun(row)}: expected its epochs to start at 1.`);
      }
      refuse(`${where}: epoch is ${row.epoch} but ${describeRun(row)} has no epoch ${index + 1}: expected every epoch from 1 to ${row.epoch}.`);
    }
    const epochs = ordered.map(({ row: { batchSize: _b, learningRate: _l, repeat: _r, ...epoch } }) => epoch);
    return { ...run, epochs };
  });
}

/** A run as messages name it, by the file's columns. */
function describeRun(row: Pick<EpochRow, 'batchSize' | 'learningRate' | 'repeat'>): string {
  return `the run batch_size ${row.batchSize}, learning_rate ${row.learningRate}, repeat ${row.repeat}`;
}
