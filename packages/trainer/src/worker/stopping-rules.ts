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
  status: 'stopped_early' | 'pruned';
  reason: string;
}

/** Options of {@link makeStoppingRules}. */
export interface MakeStoppingRulesOptions {
  settings: StoppingSettings;
  /** The run's epochs stored before this worker took it (a resumed run's), ascending. */
  history: readonly ValidationPoint[];
  /** The completed runs' validation accuracy at an epoch: the median pruner's baseline. */
  readBaseline: (epoch: number) => Promise<number[]>;
}

/**
 * A run's stopping rules: after each stored epoch, whether early stopping or the pruner ends
 * it there. Early stopping is asked first: a run that has stopped improving ends as what it
 * is, not as one that fell behind.
 * @returns the check to call with each new epoch, resolving to the decision or null
 */
export function makeStoppingRules(options: MakeStoppingRulesOptions): (point: ValidationPoint) => Promise<StopDecision | null> {
  const { settings } = options;
  const history = [...options.history];
  return async (point) => {
    history.push(point);
    if (settings.earlyStopPatience !== null) {
      const stop = findEarlyStop(history, settings.earlyStopPatience);
      if (stop) return { status: 'stopped_early', reason: stop.reason };
    }
    if (settings.pruner === 'median' && point.epoch > settings.pruneWarmupEpochs) {
      const reason = findPrune(history, await options.readBaseline(point.epoch), settings.pruneWarmupEpochs);
      if (reason) return { status: 'pruned', reason };
    }
    return null;
  };
}
