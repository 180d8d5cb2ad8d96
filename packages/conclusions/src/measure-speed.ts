import type { Concluded, Finding } from './finding.js';
import { format } from './format-values.js';
import { readRunMetrics } from './read-run-metrics.js';
import type { CellSummary } from './summarize-cells.js';

/** The fraction of its own best validation accuracy a run must reach to count as having learned. */
export const speedThreshold = 0.9;

/** How fast one finished run learned. */
export interface RunSpeed {
  runId: number;
  batchSize: number;
  learningRate: number;
  repeat: number;
  /** The run's best validation accuracy, 0–1. */
  bestValAccuracy: number;
  /** The first epoch that reached it. */
  bestEpoch: number;
  /** {@link speedThreshold} × bestValAccuracy. */
  threshold: number;
  /** The first epoch whose validation accuracy reached the threshold; null when the stored epochs are not 1, 2, 3, … (an import of final results only). */
  epochsToThreshold: number | null;
}

function describeSpeeds(measured: readonly RunSpeed[], plannedEpochs: number): Finding {
  const sorted = measured.toSorted((a, b) => a.epochsToThreshold! - b.epochsToThreshold!);
  const fastest = sorted[0]!;
  const slowest = sorted[sorted.length - 1]!;
  const reach = (entry: RunSpeed) =>
    `${format.percent(entry.threshold)}, ${100 * speedThreshold}% of its best ${format.percent(entry.bestValAccuracy)}, by epoch ${entry.epochsToThreshold} of ${plannedEpochs}`;
  const numbers = [
    { label: `epochs to ${100 * speedThreshold}% of the best validation accuracy (${format.runLabel(fastest)})`, value: fastest.epochsToThreshold! },
    { label: `best validation accuracy (${format.runLabel(fastest)})`, value: fastest.bestValAccuracy },
    { label: 'planned epochs', value: plannedEpochs },
  ];
  if (measured.length === 1) return { topic: 'speed', text: `${format.capitalized(format.run(fastest))} reached ${reach(fastest)}.`, numbers };
  if (fastest.epochsToThreshold === slowest.epochsToThreshold) {
    const text = `All ${measured.length} runs with every epoch stored reached ${100 * speedThreshold}% of their best validation accuracy at the same epoch, ${fastest.epochsToThreshold} of ${plannedEpochs}.`;
    return {
      topic: 'speed',
      text,
      numbers: [{ label: `epochs to ${100 * speedThreshold}% of the best validation accuracy (every run)`, value: fastest.epochsToThreshold! }, numbers[2]!],
    };
  }
  numbers.push(
    { label: `epochs to ${100 * speedThreshold}% of the best validation accuracy (${format.runLabel(slowest)})`, value: slowest.epochsToThreshold! },
    { label: `best validation accuracy (${format.runLabel(slowest)})`, value: slowest.bestValAccuracy },
  );
  const text = `${format.capitalized(format.run(fastest))} learned fastest, reaching ${reach(fastest)}; ${format.run(slowest)} learned slowest, reaching ${reach(slowest)}.`;
  return { topic: 'speed', text, numbers };
}

/**
 * For every finished run, the first epoch at which validation accuracy reached
 * {@link speedThreshold} of the run's own best: how soon it got most of the way. A run that
 * peaks low reaches 90 % of its peak early, so read it beside the ranking.
 * @param plannedEpochs the sweep's epochs per run, for the sentences
 */
export function measureSpeed(cells: readonly CellSummary[], plannedEpochs: number): Concluded<RunSpeed[]> {
  const result = cells.flatMap((cell) =>
    cell.finished.map(({ run }): RunSpeed => {
      const best = readRunMetrics(run).best!;
      const threshold = speedThreshold * best.valAccuracy;
      const contiguous = run.epochs.every((entry, i) => entry.epoch === i + 1);
      const reached = run.epochs.find((entry) => entry.valAccuracy >= threshold);
      return {
        runId: run.id,
        batchSize: run.batchSize,
        learningRate: run.learningRate,
        repeat: run.repeat,
        bestValAccuracy: best.valAccuracy,
        bestEpoch: best.epoch,
        threshold,
        epochsToThreshold: contiguous && reached ? reached.epoch : null,
      };
    }),
  );
  const measured = result.filter((entry) => entry.epochsToThreshold !== null);
  const findings = measured.length > 0 ? [describeSpeeds(measured, plannedEpochs)] : [];
  const unmeasured = result.length - measured.length;
  if (unmeasured > 0) {
    findings.push({
      topic: 'speed',
      text: `${unmeasured} finished run${unmeasured === 1 ? ' stores' : 's store'} only some of ${unmeasured === 1 ? 'its' : 'their'} epochs (an import of final results), so how fast ${unmeasured === 1 ? 'it' : 'they'} learned cannot be measured.`,
      numbers: [{ label: 'runs without every epoch', value: unmeasured }],
    });
  }
  return { result, findings };
}
