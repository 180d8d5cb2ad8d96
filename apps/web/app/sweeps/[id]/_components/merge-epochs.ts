import type { EpochFields } from '@/graphql';

/**
 * Merges a run's stored epochs with the epochs that arrived live, keeping one
 * entry per epoch number (the live one wins) sorted by epoch number.
 *
 * @param stored - epochs from the `run(id)` query.
 * @param live - epochs from `epochAdded` for the whole sweep; others runs' are ignored.
 */
export function mergeEpochs(
  runId: string,
  stored: readonly EpochFields[],
  live: readonly EpochFields[],
): EpochFields[] {
  const byEpoch = new Map<number, EpochFields>();
  for (const epoch of stored) byEpoch.set(epoch.epoch, epoch);
  for (const epoch of live) if (epoch.runId === runId) byEpoch.set(epoch.epoch, epoch);
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}
