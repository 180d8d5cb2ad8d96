import type { FinalRunStatus } from '@sweepscope/core';
import { findEarlyStop, type ValidationPoint } from '../train/find-early-stop.js';
import { findPrune } from '../train/find-prune.js';

/** A sweep's stopping settings. */
export interface StoppingSettings {
  earlyStopPatience: number | null;
  pruner: string | null;
  pruneWarmupEpochs: number;
}

/** How a run is to end before its last epoch, and why. */
export interface StopDecision {
  status: Extract<FinalRunStatus, 'stopped_early' | 'pruned'>;
  reason: string;
}

/** Options of {@link makeStoppingRules}. */
export interface MakeStoppingRulesOptions {
  settings: StoppingSettings;
  /** The epochs a resumed run goes on from (up to its checkpoint's), ascending; none when it starts at epoch 1. */
  history: readonly ValidationPoint[];
  /** The run's epochs in all: a run that has trained its last ends as succeeded, whatever the rules say. */
  epochs: number;
  /** The run's batch size, which its pruning baseline shares. */
  batchSize: number;
  /** The completed runs' validation accuracy at an epoch: the median pruner's baseline. */
  readBaseline: (epoch: number) => Promise<number[]>;
}

/** A run's stopping rules, asked where a run may end before its last epoch. */
export interface StoppingRules {
  /**
   * Whether the epochs stored before this worker took the run already end it: a worker
   * killed between storing an epoch and acting on it left that decision unmade.
   */
  judgeStored: () => Promise<StopDecision | null>;
  /** Whether a newly stored epoch ends the run. */
  judgeEpoch: (point: ValidationPoint) => Promise<StopDecision | null>;
}

/**
 * A run's stopping rules: whether early stopping or the pruner ends it at its newest epoch.
 * Early stopping is asked first: a run that has stopped improving ends as what it is, not as
 * one that fell behind.
 */
export function makeStoppingRules(options: MakeStoppingRulesOptions): StoppingRules {
  const { settings } = options;
  const history = [...options.history];
  const judge = async (): Promise<StopDecision | null> => {
    const last = history.at(-1);
    if (last === undefined) return null;
    if (settings.earlyStopPatience !== null) {
      const stop = findEarlyStop(history, settings.earlyStopPatience);
      if (stop) return { status: 'stopped_early', reason: stop.reason };
    }
    if (settings.pruner === 'median' && last.epoch > settings.pruneWarmupEpochs) {
      const reason = findPrune(history, await options.readBaseline(last.epoch), settings.pruneWarmupEpochs, options.batchSize);
      if (reason) return { status: 'pruned', reason };
    }
    return null;
  };
  return {
    // Training never stops at the last epoch, so a run resumed after it ends as it would have.
    judgeStored: async () => ((history.at(-1)?.epoch ?? 0) >= options.epochs ? null : judge()),
    judgeEpoch: (point) => {
      history.push(point);
      return judge();
    },
  };
}
