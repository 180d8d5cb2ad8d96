/** One epoch's validation metrics, as the stopping rules read them. */
export interface ValidationPoint {
  epoch: number;
  valLoss: number;
  valAccuracy: number;
}

/** Why a run stops early, and the epoch that stays its result. */
export interface EarlyStop {
  /** The epoch of the lowest validation loss: the run's result, as Keras' restore_best_weights keeps it. */
  bestEpoch: number;
  reason: string;
}

/**
 * Early stopping by Keras' EarlyStopping(monitor="val_loss", patience, min_delta=0): an epoch
 * improves when its validation loss is below every earlier one; training stops once
 * `patience` epochs in a row have not. The run's best epoch is kept as its result. Reading
 * the whole history each time, rather than counting along, lets a resumed run go on exactly
 * where it would have been.
 * @returns null while the run should go on
 */
export function findEarlyStop(history: readonly ValidationPoint[], patience: number): EarlyStop | null {
  if (history.length === 0) return null;
  let best = history[0]!;
  for (const point of history) if (point.valLoss < best.valLoss) best = point;
  const last = history[history.length - 1]!;
  const waited = last.epoch - best.epoch;
  if (waited < patience) return null;
  return {
    bestEpoch: best.epoch,
    reason:
      `Stopped early after epoch ${last.epoch}: the validation loss has not improved for ${waited} epoch${waited === 1 ? '' : 's'} (patience ${patience}) ` +
      `since its lowest, ${best.valLoss.toFixed(4)} at epoch ${best.epoch}, which is kept as the run's result.`,
  };
}
