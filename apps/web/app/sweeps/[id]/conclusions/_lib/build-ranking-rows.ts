import type { SweepConclusions } from '@/graphql/conclusions.query';

/** Which validation accuracy the cells are ranked by: each run's last epoch, or its best. */
export type RankingMetric = 'final' | 'best';

/** How a cell stands against the best one by the API's test of repeats. */
export type TieStanding =
  /** The best cell itself. */
  | { kind: 'best' }
  /** The test cannot tell it from the best (Holm-adjusted p ≥ the level), with enough repeats to have looked. */
  | { kind: 'indistinguishable'; adjustedPValue: number }
  /** Worse than the best at the test's level, after Holm's correction. */
  | { kind: 'worse'; adjustedPValue: number }
  /** It or the best has too few finished repeats to be compared. */
  | { kind: 'too-few-repeats' };

/** One row of the ranked table. */
export interface RankingRow {
  batchSize: number;
  learningRate: number;
  /** 1 for the best; tied values share a rank (1, 2, 2, 4). */
  rank: number;
  /** The mean validation accuracy ranked by, 0–1. */
  value: number;
  /** Sample standard deviation over the repeats (final accuracy only); null with one repeat, or when ranking by best. */
  standardDeviation: number | null;
  /** Finished repeats the value is the mean of. */
  repeats: number;
  /** Whether another cell has the same rank. */
  sharesRank: boolean;
  /** The test of repeats against the best, on final validation accuracy. */
  standing: TieStanding;
  /** Its finished runs' ids, in the API's order: what the ranking rests on, to open or compare. */
  runIds: string[];
}

const sameCell = (a: { batchSize: number; learningRate: number }, b: { batchSize: number; learningRate: number }) =>
  a.batchSize === b.batchSize && a.learningRate === b.learningRate;

/**
 * The ranked table's rows: the API's ranking by final or by best validation
 * accuracy, in its order, each with the spread over its repeats (the API
 * gives it for the final accuracy) and where it stands against the best by
 * the API's test of repeats, which is always on final accuracy.
 */
export function buildRankingRows(
  conclusions: Pick<SweepConclusions, 'rankingByFinal' | 'rankingByBest' | 'repeats' | 'overfitting'>,
  metric: RankingMetric,
): RankingRow[] {
  const ranking = metric === 'final' ? conclusions.rankingByFinal : conclusions.rankingByBest;
  const { repeats } = conclusions;
  return ranking.map((entry) => {
    const spread = metric === 'final' ? repeats.cells.find((cell) => sameCell(cell, entry)) : undefined;
    const comparison = repeats.comparisons.find((candidate) => sameCell(candidate, entry));
    const standing: TieStanding =
      repeats.best !== null && sameCell(repeats.best, entry)
        ? { kind: 'best' }
        : comparison === undefined || comparison.verdict === 'TOO_FEW_REPEATS' || comparison.adjustedPValue === null
          ? { kind: 'too-few-repeats' }
          : { kind: comparison.verdict === 'WORSE' ? 'worse' : 'indistinguishable', adjustedPValue: comparison.adjustedPValue };
    return {
      batchSize: entry.batchSize,
      learningRate: entry.learningRate,
      rank: entry.rank,
      value: entry.value,
      standardDeviation: spread?.standardDeviation ?? null,
      repeats: entry.repeats,
      sharesRank: ranking.some((other) => other !== entry && other.rank === entry.rank),
      standing,
      // Every finished run has an overfitting entry: the one list of finished runs with their ids.
      runIds: conclusions.overfitting.filter((run) => sameCell(run, entry)).map((run) => run.runId),
    };
  });
}
