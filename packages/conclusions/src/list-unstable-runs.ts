import type { InstabilityContext, InstabilityKind } from './find-instability.js';
import type { Concluded, Finding } from './finding.js';
import { format, type RunKey } from './format-values.js';
import type { CellSummary } from './summarize-cells.js';

/** A run that trained to its end without learning, with the numbers the rankings leave out. */
export interface UnstableRunReport extends RunKey {
  kind: InstabilityKind;
  /** Why, as a clause (see findInstability). */
  reason: string;
  /** The value the rule looked at, and the threshold it passed. */
  value: number;
  limit: number;
  /** Its last epoch's metrics, kept visible though no ranking counts them. */
  finalLoss: number;
  finalValAccuracy: number;
  bestValAccuracy: number;
}

/**
 * Lists the runs that succeeded but are unstable, apart from the rest: left out of the
 * ranking, best cell, best learning rates, scaling fit, overfitting and speed, but never
 * silently — each gets a sentence with its numbers.
 */
export function listUnstableRuns(cells: readonly CellSummary[], data: InstabilityContext): Concluded<UnstableRunReport[]> {
  const result = cells.flatMap((cell) =>
    cell.unstable.map(({ run, final, bestValAccuracy, instability }): UnstableRunReport => ({
      runId: run.id,
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      repeat: run.repeat,
      kind: instability.kind,
      reason: instability.reason,
      value: instability.value,
      limit: instability.limit,
      finalLoss: final.loss,
      finalValAccuracy: final.valAccuracy,
      bestValAccuracy,
    })),
  );
  const findings: Finding[] = result.map((report) => ({
    topic: 'stability',
    text:
      `${format.capitalized(format.run(report))} trained to its end but is unstable: ${report.reason}. ` +
      `It is left out of the ranking, best learning rates, scaling fit, overfitting and speed; its final validation accuracy was ${format.percent(report.finalValAccuracy)}.`,
    numbers: [
      { label: `${report.kind === 'chance' ? 'best validation accuracy' : 'training loss'} (${format.runLabel(report)})`, value: report.value },
      { label: `threshold (${format.runLabel(report)})`, value: report.limit },
      { label: `final validation accuracy (${format.runLabel(report)})`, value: report.finalValAccuracy },
    ],
  }));
  const anyEnded = cells.some((cell) => cell.finished.length + cell.unstable.length > 0);
  if (anyEnded && data.classes === null) {
    findings.push({
      topic: 'stability',
      text: 'The sweep does not record how many classes its data set has, so runs that never left chance level cannot be told apart, nor can a loss past the divergence limit.',
      numbers: [],
    });
  }
  return { result, findings };
}
