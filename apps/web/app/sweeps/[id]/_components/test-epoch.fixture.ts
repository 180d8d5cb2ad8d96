import type { EpochFields } from '@/graphql';

/** An epoch of run `runId` for tests: validation accuracy `valAccuracy`, the rest plausible. */
export function testEpoch(runId: string, epoch: number, valAccuracy = 0.5, attempt = 1): EpochFields {
  return {
    id: `${runId}-${attempt}-${epoch}`,
    runId,
    sweepId: 's1',
    attempt,
    epoch,
    loss: 1 / epoch,
    accuracy: valAccuracy + 0.1,
    valLoss: 1.5 / epoch,
    valAccuracy,
    durationMs: 1_000,
    imagesPerSecond: 100,
  };
}
