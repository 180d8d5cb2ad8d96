import { datasetNames, presetNames, type DatasetName, type PresetName } from '@sweepscope/core';

import type { PlannedSweep } from '@/graphql';

import { EMPTY_NEW_SWEEP, PRUNERS, type NewSweepValues } from './build-create-sweep-input';

/**
 * The New sweep form filled from a probe's plan: the proposed cells, with the
 * settings the probe was asked for (data, model, seed, limits, stopping rules),
 * which the plan holds for. Epochs, repeats and the noise-scale interval are
 * left to the preset and the API: the probe's are a probe's. Null while the
 * plan has no cells to offer.
 */
export function newSweepFromPlan(sweep: PlannedSweep): NewSweepValues | null {
  const cells = sweep.plan?.cellsText;
  if (cells === null || cells === undefined) return null;
  const known = <Name extends string>(names: readonly Name[], value: string | null): Name | '' =>
    (names as readonly string[]).includes(value ?? '') ? (value as Name) : '';
  const limit = (value: number | null): string => (value === null ? 'all' : String(value));
  return {
    ...EMPTY_NEW_SWEEP,
    preset: known<PresetName>(presetNames, sweep.preset) || EMPTY_NEW_SWEEP.preset,
    dataset: known<DatasetName>(datasetNames, sweep.dataset),
    dataDir: sweep.dataDir ?? '',
    cellsMode: 'cells',
    cells,
    alpha: String(sweep.alpha),
    inputSize: String(sweep.inputSize),
    batchNormMomentum: String(sweep.batchNormMomentum),
    divergenceFactor: String(sweep.divergenceFactor),
    earlyStopPatience: sweep.earlyStopPatience === null ? '' : String(sweep.earlyStopPatience),
    pruner: known(PRUNERS, sweep.pruner),
    pruneWarmupEpochs: String(sweep.pruneWarmupEpochs),
    shuffleBuffer: String(sweep.shuffleBuffer),
    seed: String(sweep.seed),
    trainLimit: limit(sweep.trainLimit),
    valLimit: limit(sweep.valLimit),
  };
}
