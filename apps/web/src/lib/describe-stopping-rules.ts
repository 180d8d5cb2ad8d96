/**
 * A sweep's early stopping in words: `patience 3` (a run stops once its
 * validation loss has not improved for 3 epochs), or `off`.
 */
export function describeEarlyStopping(patience: number | null): string {
  return patience === null ? 'off' : `patience ${patience}`;
}

/**
 * A sweep's pruning in words: `median after 2 warm-up epochs`, or `off`. The
 * warm-up is left out when there is no pruner, since nothing then reads it.
 */
export function describePruning(pruner: string | null, warmupEpochs: number): string {
  if (pruner === null) return 'off';
  return `${pruner} after ${warmupEpochs} warm-up epoch${warmupEpochs === 1 ? '' : 's'}`;
}
