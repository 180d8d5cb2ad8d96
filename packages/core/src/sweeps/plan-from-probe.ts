import type { RunStatus } from '../statuses/run-status.js';
import { formatCells, type Cell } from './parse-cells.js';
import { proposeGrid } from './propose-grid.js';

/**
 * Where a plan stands: the probe has not measured yet (`measuring`, and while it trains on a
 * plan may already be `provisional`), it has and has ended (`ready`), or it ended without a
 * measurement to plan from (`unresolved`).
 */
export type PlanState = 'measuring' | 'provisional' | 'ready' | 'unresolved';

/** Options of {@link planFromProbe}. */
export interface PlanFromProbeOptions {
  /** The probe's cell, and where its run stands. */
  probe: Cell & { status: RunStatus };
  /** The probe's epochs so far with the noise scale each measured (null where it did not resolve). */
  epochs: readonly { epoch: number; noiseScale: number | null }[];
  /** The largest batch the data allows (its training images); null when not known before training. */
  maxBatchSize: number | null;
}

/** A grid proposed from a probe's gradient noise scale, or why there is none yet. */
export interface SweepPlan {
  state: PlanState;
  /** The newest epoch's B_simple, which smooths every measurement before it; null before one. */
  criticalBatchSize: number | null;
  /** The epoch it was measured in. */
  epoch: number | null;
  /** ε_max of the predicted curve through the probe's cell. */
  maxLearningRate: number | null;
  /** The proposed grid's cells (see `proposeGrid`); empty without a measurement. */
  cells: Cell[];
  /** The same as `createSweep`'s and `--cells`' text; null without a measurement. */
  cellsText: string | null;
  /** What the state means for the person waiting, in a sentence. */
  summary: string;
}

/**
 * The one reading of a probe, for the terminal's `plan` and the API's `planSweep` alike: its
 * newest measured noise scale (the trainer's averages carry every earlier measurement into
 * it) is taken as the critical batch size and turned into a grid by `proposeGrid`. A probe
 * that diverged gives no plan, whatever it measured before: its gradients at the end were
 * not those of training that works.
 */
export function planFromProbe({ probe, epochs, maxBatchSize }: PlanFromProbeOptions): SweepPlan {
  const newest = epochs.filter((epoch) => epoch.noiseScale !== null).sort((a, b) => b.epoch - a.epoch)[0];
  const ended = probe.status !== 'queued' && probe.status !== 'running';
  const none = (state: PlanState, summary: string): SweepPlan => ({
    state,
    criticalBatchSize: null,
    epoch: null,
    maxLearningRate: null,
    cells: [],
    cellsText: null,
    summary,
  });
  if (probe.status === 'diverged') {
    return none('unresolved', 'The probe diverged: plan again with a smaller learning rate, or from another cell.');
  }
  if (probe.status === 'failed' || probe.status === 'cancelled') {
    // Whatever it measured before is a part of a probe: retrying it finishes the measurement.
    return none('unresolved', `The probe ended ${probe.status} before it finished measuring the gradient noise scale: retry it, or plan again.`);
  }
  if (newest?.noiseScale == null) {
    if (!ended) return none('measuring', 'The probe is training: it measures the gradient noise scale from its second epoch.');
    return none(
      'unresolved',
      "The probe could not resolve the gradient noise scale (its estimate of the gradient's squared norm stayed at or below zero): plan again with more epochs or more training images.",
    );
  }
  const criticalBatchSize = newest.noiseScale;
  // Without a known size (an image folder), at most what a GraphQL Int carries.
  const { maxLearningRate, cells } = proposeGrid({ criticalBatchSize, probe, maxBatchSize: maxBatchSize ?? 2 ** 31 - 1 });
  const rounded = Math.round(criticalBatchSize).toLocaleString('en');
  return {
    state: ended ? 'ready' : 'provisional',
    criticalBatchSize,
    epoch: newest.epoch,
    maxLearningRate,
    cells,
    cellsText: formatCells(cells),
    summary: ended
      ? `The probe measured a critical batch size of ${rounded} images (epoch ${newest.epoch}); the grid is built around it.`
      : `So far the probe measures a critical batch size of ${rounded} images (epoch ${newest.epoch}); the grid may still move until it ends.`,
  };
}
