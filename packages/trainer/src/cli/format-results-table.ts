import { formatDuration, formatTable } from '@sweepscope/core';
import type { ResultRow } from './read-results.js';

/**
 * The final table in the reference study's form (batch size, learning rate, loss, accuracy,
 * val_loss, val_accuracy, from each run's last epoch), plus the run's status, epochs, time
 * and backend, and its repeat and seed when cells were trained more than once.
 */
export function formatResultsTable(rows: readonly ResultRow[]): string {
  const repeated = rows.some((row) => row.repeat > 1);
  const columns = [
    'batch size',
    'learning rate',
    ...(repeated ? ['repeat', 'seed'] : []),
    'loss',
    'accuracy',
    'val_loss',
    'val_accuracy',
    'status',
    'epochs',
    'time',
    'backend',
  ];
  const cells = rows.map((row) => [
    String(row.batchSize),
    String(row.learningRate),
    ...(repeated ? [String(row.repeat), String(row.seed)] : []),
    metric(row.loss),
    metric(row.accuracy),
    metric(row.valLoss),
    metric(row.valAccuracy),
    row.status,
    String(row.epochs),
    row.seconds === undefined ? '–' : formatDuration(row.seconds * 1000),
    row.backend ?? '–',
  ]);
  const errors = rows.filter((row) => row.error).map((row) => `run ${row.runId} (batch ${row.batchSize}, lr ${row.learningRate}) ${row.status}: ${row.error}`);
  return [formatTable(columns, cells), ...(errors.length > 0 ? ['', ...errors] : [])].join('\n');
}

function metric(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(4);
}
