import type { TrainingTrace } from '@sweepscope/core';
import type { EpochResult } from './conclusions-input.js';

/**
 * How a run that trained to its end can still have failed to learn:
 * - `chance`: its validation accuracy never rose clear of a uniform guess's (1 / classes);
 * - `loss-rose`: its training loss ended more than {@link instabilityRules.lossRiseFactor}
 *   times where its first epoch left it;
 * - `loss-exploded`: its training loss passed the sweep's divergence limit (factor × ln
 *   classes) at some epoch, yet the run was recorded as succeeded: it was trained before
 *   that rule existed, or imported.
 */
export type InstabilityKind = 'chance' | 'loss-rose' | 'loss-exploded';

/**
 * The thresholds of {@link findInstability}.
 *
 * `chanceStandardErrors`: a run "never left chance" when its best validation accuracy is
 * within 3 binomial standard errors, √(p(1 − p) / n), of chance p = 1 / classes on its n
 * validation images: a one-sided 0.13 % chance that a model guessing at random scores
 * higher. On 1,000 Fashion-MNIST images that is 10.0 % + 2.8 points.
 *
 * `chanceMarginWithoutSize`: the margin used when the validation split's size is not known
 * (an import that does not say), in accuracy: 2 points.
 *
 * `lossRiseFactor`: training loss that ends at more than twice its first epoch's has gone
 * the wrong way for good. A run that merely stalls stays near its start; overfitting raises
 * the validation loss, never the training loss.
 */
export const instabilityRules = { chanceStandardErrors: 3, chanceMarginWithoutSize: 0.02, lossRiseFactor: 2 } as const;

/** What the data set and the sweep say about where chance and divergence lie. */
export interface InstabilityContext {
  /** The data set's classes; null when not known (chance and the divergence limit cannot be placed). */
  classes: number | null;
  /** Validation images each epoch is scored on; null when not known. */
  valImages: number | null;
  /** The sweep's divergence factor: the limit is this × ln classes nats. */
  divergenceFactor: number;
}

/** Why a run is unstable, with the numbers the reason rests on. */
export interface Instability {
  kind: InstabilityKind;
  /** The reason as a clause: "its best validation accuracy, 10.4%, never rose clear of chance (10.0% + 2.8 points on 1000 images)". */
  reason: string;
  /** The run's value the rule looked at: best validation accuracy, final loss, or the largest loss. */
  value: number;
  /** The threshold it was held against, in the same unit. */
  limit: number;
}

/** The trace of a run's epochs, in epoch order; null without any. */
export function traceTraining(epochs: readonly EpochResult[]): TrainingTrace | null {
  if (epochs.length === 0) return null;
  return {
    epochs: epochs.length,
    firstLoss: epochs[0]!.loss,
    lastLoss: epochs[epochs.length - 1]!.loss,
    largestLoss: Math.max(...epochs.map((epoch) => epoch.loss)),
    bestValAccuracy: Math.max(...epochs.map((epoch) => epoch.valAccuracy)),
  };
}

/** The highest accuracy a model guessing at random plausibly reaches, by {@link instabilityRules}; null when classes are not known. */
export function chanceCeiling(context: InstabilityContext): { chance: number; margin: number } | null {
  if (context.classes === null) return null;
  const chance = 1 / context.classes;
  const margin =
    context.valImages === null
      ? instabilityRules.chanceMarginWithoutSize
      : instabilityRules.chanceStandardErrors * Math.sqrt((chance * (1 - chance)) / context.valImages);
  return { chance, margin };
}

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/**
 * Whether a run whose epochs all ended finite nonetheless failed to learn, and why; null
 * when it learned (or when there are no epochs to judge). The first rule that fires wins,
 * in the order the loss exploded, the loss rose, chance. It reads only a trace of the
 * epochs, so the API can judge a whole grid's runs from one aggregate query.
 */
export function findInstability(trace: TrainingTrace | null, context: InstabilityContext): Instability | null {
  if (trace === null) return null;
  if (context.classes !== null && context.classes > 1) {
    const limit = context.divergenceFactor * Math.log(context.classes);
    const largest = trace.largestLoss;
    if (largest > limit) {
      return {
        kind: 'loss-exploded',
        reason: `its training loss reached ${largest.toPrecision(3)} nats, past the sweep's divergence limit of ${context.divergenceFactor} × ln ${context.classes} = ${limit.toFixed(1)}`,
        value: largest,
        limit,
      };
    }
  }
  const { firstLoss: first, lastLoss: last } = trace;
  if (trace.epochs > 1 && last > instabilityRules.lossRiseFactor * first) {
    return {
      kind: 'loss-rose',
      reason: `its training loss ended at ${last.toPrecision(3)} nats, more than ${instabilityRules.lossRiseFactor} × its first epoch's ${first.toPrecision(3)}`,
      value: last,
      limit: instabilityRules.lossRiseFactor * first,
    };
  }
  const ceiling = chanceCeiling(context);
  if (ceiling) {
    const best = trace.bestValAccuracy;
    if (best <= ceiling.chance + ceiling.margin) {
      const on = context.valImages === null ? 'the validation split’s size is not known' : `on ${context.valImages} validation images`;
      return {
        kind: 'chance',
        reason: `its best validation accuracy, ${percent(best)}, never rose clear of chance (${percent(ceiling.chance)} + ${(ceiling.margin * 100).toFixed(1)} points, ${on})`,
        value: best,
        limit: ceiling.chance + ceiling.margin,
      };
    }
  }
  return null;
}
