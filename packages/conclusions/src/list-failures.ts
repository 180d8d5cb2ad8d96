import type { RunStatus } from '@sweepscope/core';
import type { RunResult } from './conclusions-input.js';
import type { Concluded, Finding } from './finding.js';
import { format, type CellKey } from './format-values.js';
import type { CellSummary } from './summarize-cells.js';

/** A run as the failure and coverage lists name it. */
export interface RunReference extends CellKey {
  runId: number;
  repeat: number;
  status: RunStatus;
  /** Epochs stored for its current attempt. */
  epochsDone: number;
}

/** A run that failed or diverged. */
export interface RunFailure extends RunReference {
  /** The stored reason; null when none was stored. */
  error: string | null;
}

/** What went wrong and what is missing in a sweep. */
export interface Coverage {
  /** Runs that failed or diverged, in grid order. */
  failures: RunFailure[];
  /** Runs that early stopping or the pruner ended, with the reason, in grid order. */
  stopped: RunFailure[];
  /** Cells of the grid with no run at all: never asked for. */
  neverRun: CellKey[];
  /** Runs queued, or cancelled, without an epoch: not run (yet). */
  notRunYet: RunReference[];
  /** Runs with epochs that have not finished: running, or queued or cancelled part-way. */
  unfinished: RunReference[];
}

function referTo(run: RunResult): RunReference {
  return { runId: run.id, batchSize: run.batchSize, learningRate: run.learningRate, repeat: run.repeat, status: run.status, epochsDone: run.epochs.length };
}

const statusWords: Partial<Record<RunStatus, string>> = { stopped_early: 'stopped early', pruned: 'was pruned' };

function describeFailure(failure: RunFailure, plannedEpochs: number): Finding {
  const when = failure.epochsDone === 0 ? 'before its first epoch' : `after ${failure.epochsDone} of ${plannedEpochs} epochs`;
  const why = failure.error === null ? ', with no error stored' : `: “${failure.error}”`;
  const counted = { stopped_early: ' Its best epoch counts as its result.', pruned: ' It counts toward no value, as the pruner judged it behind.' };
  return {
    topic: 'failures',
    text: `${format.capitalized(format.run(failure))} ${statusWords[failure.status] ?? failure.status} ${when}${why}.${failure.status === 'stopped_early' || failure.status === 'pruned' ? counted[failure.status] : ''}`,
    numbers: [{ label: `epochs done (${format.runLabel(failure)})`, value: failure.epochsDone }],
  };
}

/**
 * Lists the runs that failed or diverged (with their error text), those early stopping or
 * the pruner ended (with why), the cells never asked for, the runs not run yet and the ones
 * still unfinished.
 * @param plannedEpochs the sweep's epochs per run, for the sentences
 */
export function listFailures(cells: readonly CellSummary[], plannedEpochs: number): Concluded<Coverage> {
  const runs = cells.flatMap((cell) => cell.runs);
  const failures = runs.filter((run) => run.status === 'failed' || run.status === 'diverged').map((run) => ({ ...referTo(run), error: run.error }));
  const stopped = runs.filter((run) => run.status === 'stopped_early' || run.status === 'pruned').map((run) => ({ ...referTo(run), error: run.error }));
  const neverRun = cells.filter((cell) => cell.runs.length === 0).map(({ batchSize, learningRate }) => ({ batchSize, learningRate }));
  const waiting = runs.filter((run) => run.status === 'queued' || run.status === 'running' || run.status === 'cancelled');
  const notRunYet = waiting.filter((run) => run.status !== 'running' && run.epochs.length === 0).map(referTo);
  const unfinished = waiting.filter((run) => run.status === 'running' || run.epochs.length > 0).map(referTo);
  const findings = [...failures, ...stopped].map((failure) => describeFailure(failure, plannedEpochs));
  if (failures.length === 0 && runs.some((run) => run.status === 'succeeded')) {
    findings.push({ topic: 'failures', text: 'No run failed or diverged.', numbers: [{ label: 'failed or diverged runs', value: 0 }] });
  }
  if (neverRun.length > 0) {
    const rows = new Set(cells.map((cell) => cell.batchSize)).size;
    findings.push({
      topic: 'coverage',
      text: `${neverRun.length} of the ${cells.length} cells of the ${rows} × ${cells.length / rows} grid ${neverRun.length === 1 ? 'was' : 'were'} never asked for: ${neverRun.map(format.cell).join('; ')}.`,
      numbers: [
        { label: 'cells never asked for', value: neverRun.length },
        { label: 'cells in the grid', value: cells.length },
      ],
    });
  }
  if (notRunYet.length > 0) {
    findings.push({
      topic: 'coverage',
      text: `${notRunYet.length} run${notRunYet.length === 1 ? ' has' : 's have'} not run yet (queued, or cancelled before the first epoch): ${notRunYet.map(format.run).join('; ')}.`,
      numbers: [{ label: 'runs not run yet', value: notRunYet.length }],
    });
  }
  if (unfinished.length > 0) {
    const list = unfinished.map((entry) => `${format.run(entry)}, ${entry.status}, ${entry.epochsDone} of ${plannedEpochs} epochs`).join('; ');
    findings.push({
      topic: 'coverage',
      text: `${unfinished.length} run${unfinished.length === 1 ? ' is' : 's are'} unfinished, so ${unfinished.length === 1 ? 'its cell counts' : 'their cells count'} only finished repeats: ${list}.`,
      numbers: [{ label: 'unfinished runs', value: unfinished.length }],
    });
  }
  return { result: { failures, stopped, neverRun, notRunYet, unfinished }, findings };
}
