import { EpochFieldsFragment, maskFragments, RunCellFragment, type EpochFields, type RunCell, type SweepDetail } from '@/graphql';

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
    noiseScale: null,
  };
}

/**
 * What a cell reads of a run whose current attempt stored these validation
 * accuracies, epoch 1 onwards: the series, and the last of them as its newest
 * epoch ({@link testEpoch}).
 */
export function testProgress(runId: string, ...valAccuracies: number[]): { valAccuracies: number[]; latestEpoch: EpochFields | null } {
  const last = valAccuracies.at(-1);
  return { valAccuracies, latestEpoch: last === undefined ? null : testEpoch(runId, valAccuracies.length, last) };
}

/** A run as the sweep query returns it, having stored these validation accuracies, epoch 1 onwards. */
export function testRunCell(id: string, batchSize: number, learningRate: number, valAccuracies: (number | null)[] = [], attempt = 1): RunCell {
  const last = valAccuracies.findLastIndex((value) => value !== null);
  return {
    id,
    sweepId: 's1',
    batchSize,
    learningRate,
    repeat: 1,
    status: last >= 0 ? 'RUNNING' : 'QUEUED',
    attempt,
    backend: null,
    error: null,
    heartbeatAt: null,
    imagesPerSecond: null,
    instability: null,
    valAccuracies,
    latestEpoch: last < 0 ? null : maskFragments([EpochFieldsFragment], testEpoch(id, last + 1, valAccuracies[last] ?? 0, attempt)),
  };
}

/** A sweep as the sweep query returns it, read at event cursor 10, with these cells. */
export function testSweep(...cells: { batchSize: number; learningRate: number; runs: RunCell[] }[]): SweepDetail {
  return {
    id: 's1',
    name: 'test',
    tags: [],
    notes: '',
    dataset: 'synthetic',
    preset: 'smoke',
    alpha: 0.35,
    inputSize: 32,
    batchNormMomentum: 0.9,
    noiseScaleInterval: 20,
    classes: 4,
    epochs: 3,
    seed: 1,
    repeats: 1,
    earlyStopPatience: null,
    pruner: null,
    pruneWarmupEpochs: 2,
    shuffleBuffer: 1000,
    trainLimit: 16,
    valLimit: 8,
    builtIn: null,
    readOnly: false,
    createdBy: 'api',
    unstatedSettings: [],
    importedFrom: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    status: 'RUNNING',
    grid: {
      batchSizes: [...new Set(cells.map((c) => c.batchSize))],
      learningRates: [...new Set(cells.map((c) => c.learningRate))],
      cells: cells.map((c) => ({ ...c, runs: [...maskFragments([RunCellFragment], c.runs)] })),
    },
    eventCursor: '10',
  };
}
