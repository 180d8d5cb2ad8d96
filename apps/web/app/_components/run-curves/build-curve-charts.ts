import type { StoredEpochMetrics } from '@sweepscope/core';

import { alignSeries, type Line } from './align-series';
import { assignPaletteSlots } from './assign-palette-slots';
import { combineRepeats } from './combine-repeats';
import { describeXAxis, xValuesOf, type TrainingSetSize, type XAxis } from './curve-x-axis';
import { smoothEma } from './smooth-ema';

/** The metrics of one epoch the curves draw. */
export type CurveEpoch = Omit<StoredEpochMetrics, 'imagesPerSecond'>;

/** One run as the curves draw it: its cell, and its current attempt's epochs. */
export interface CurveRun {
  runId: string;
  sweepId: string;
  batchSize: number;
  learningRate: number;
  /** 1-based. */
  repeat: number;
  /** Images an epoch trains on; null when unknown, undefined while its sweep loads. */
  trainingSet: TrainingSetSize | null | undefined;
  /** In epoch order. */
  epochs: readonly CurveEpoch[];
}

/** How to draw the curves: the page state the controls keep in the URL. */
export interface CurveOptions {
  xAxis: XAxis;
  /** EMA weight, 0 (raw) to 0.99. */
  smoothing: number;
  /** Draw the repeats of a cell (same sweep, batch size and learning rate) as their mean ± 1 sd. */
  combineRepeats: boolean;
  /** Loss on a log₁₀ scale (the accuracy chart stays linear). */
  logLoss: boolean;
}

/** Which chart: loss (cross-entropy), accuracy (0–1), or the gradient noise scale (images). */
export type CurveMetric = 'loss' | 'accuracy' | 'noiseScale';

/** The splits each chart draws: the noise scale is measured on training batches only. */
const SPLITS: Readonly<Record<CurveMetric, readonly ('train' | 'val')[]>> = { loss: ['train', 'val'], accuracy: ['train', 'val'], noiseScale: ['train'] };

/** What a series shows of its group. */
export type CurveRole = 'line' | 'raw' | 'upper' | 'lower';

/** One run, or one cell's repeats combined: one colour. */
export interface CurveGroup {
  key: string;
  label: string;
  /** Palette slot, 0-based. */
  slot: number;
  runIds: string[];
  /** Epochs drawn, the newest, and the drawn (smoothed) values there; null before the first epoch. */
  last: { epoch: number; train: number | null; val: number | null } | null;
}

/** One series of a chart, matching one array of its data after x. */
export interface CurveSeries {
  groupKey: string;
  /** Legend label, e.g. "run 12 · b 32 · lr 0.1 · rep 1 train". */
  label: string;
  slot: number;
  /** Train is drawn solid, validation dashed. */
  split: 'train' | 'val';
  /**
   * `line`: the drawn line (smoothed when smoothing is on; the mean when combined);
   * `raw`: the same unsmoothed, drawn faint behind it; `upper`, `lower`: the band's edges, mean ± 1 sd.
   */
  role: CurveRole;
}

/** One chart, ready to draw. */
export interface CurveChartModel {
  metric: CurveMetric;
  /** Aligned data: `[x, …one array per series]`, null where a series has no value at that x. */
  data: [number[], ...(number | null)[][]];
  /** In draw order: band edges, then raw lines, then the lines (on top). */
  series: CurveSeries[];
  /** Bands as [upper, lower] series indices, counting x as 0. */
  bands: [number, number][];
  xLabel: string;
  groups: CurveGroup[];
}

/** The charts, and the runs the chosen x-axis cannot place. */
export interface CurveCharts {
  loss: CurveChartModel;
  accuracy: CurveChartModel;
  /** Null when no run drawn has a measured noise scale (imported, or trained before it was measured). */
  noiseScale: CurveChartModel | null;
  /** Runs left out, with why, worded to follow "not drawn: ". */
  omitted: { runId: string; reason: string }[];
}

const ROLE_ORDER: Readonly<Record<CurveRole, number>> = { upper: 0, lower: 0, raw: 1, line: 2 };

interface PlacedRun {
  run: CurveRun;
  x: number[];
}

function cellKeyOf(run: CurveRun): string {
  return `${run.sweepId}/${run.batchSize}/${run.learningRate}`;
}

function runLabel(run: CurveRun): string {
  return `run ${run.runId} · b ${run.batchSize} · lr ${run.learningRate} · rep ${run.repeat}`;
}

function valueOf(epoch: CurveEpoch, metric: CurveMetric, split: 'train' | 'val'): number | null {
  if (metric === 'noiseScale') return epoch.noiseScale ?? null;
  if (metric === 'loss') return split === 'train' ? epoch.loss : epoch.valLoss;
  return split === 'train' ? epoch.accuracy : epoch.valAccuracy;
}

/** A log axis cannot show zero or less: such points (a band's lower edge, mostly) are left out. */
function clampForLog(values: (number | null)[], log: boolean): (number | null)[] {
  return log ? values.map((v) => (v !== null && v > 0 ? v : null)) : values;
}

function smooth(values: (number | null)[], weight: number): (number | null)[] {
  return weight > 0 ? smoothEma(values, weight) : values;
}

interface GroupLines {
  x: number[];
  epochs: number[];
  raw: (number | null)[];
  sd: (number | null)[] | null;
}

function linesOfGroup(members: readonly PlacedRun[], metric: CurveMetric, split: 'train' | 'val'): GroupLines {
  if (members.length === 1) {
    const [{ run, x }] = members as [PlacedRun];
    return { x, epochs: run.epochs.map((e) => e.epoch), raw: run.epochs.map((e) => valueOf(e, metric, split)), sd: null };
  }
  const combined = combineRepeats(
    members.map(({ run, x }) => run.epochs.map((e, i) => ({ epoch: e.epoch, x: x[i] ?? e.epoch, y: valueOf(e, metric, split) }))),
  );
  return { x: combined.map((p) => p.x), epochs: combined.map((p) => p.epoch), raw: combined.map((p) => p.mean), sd: combined.map((p) => p.sd) };
}

function buildChart(
  metric: CurveMetric,
  groups: readonly { group: Omit<CurveGroup, 'last'>; members: PlacedRun[] }[],
  options: CurveOptions,
  xLabel: string,
): CurveChartModel {
  const log = metric === 'loss' && options.logLoss;
  const entries: { series: CurveSeries; line: Line }[] = [];
  const drawnGroups: CurveGroup[] = [];
  for (const { group, members } of groups) {
    const last: Record<'train' | 'val', number | null> = { train: null, val: null };
    let lastEpoch: number | null = null;
    for (const split of SPLITS[metric]) {
      const { x, epochs, raw, sd } = linesOfGroup(members, metric, split);
      const line = smooth(raw, options.smoothing);
      const base = { groupKey: group.key, slot: group.slot, split };
      const label = metric === 'noiseScale' ? group.label : `${group.label} ${split === 'train' ? 'train' : 'val'}`;
      entries.push({ series: { ...base, label, role: 'line' }, line: { x, y: clampForLog(line, log) } });
      if (options.smoothing > 0) entries.push({ series: { ...base, label: `${label} (raw)`, role: 'raw' }, line: { x, y: clampForLog(raw, log) } });
      if (sd !== null) {
        const spread = smooth(sd, options.smoothing);
        const edge = (sign: 1 | -1) => line.map((v, i) => (v === null || spread[i] === null || spread[i] === undefined ? null : v + sign * spread[i]));
        entries.push({ series: { ...base, label: `${label} +1 sd`, role: 'upper' }, line: { x, y: clampForLog(edge(1), log) } });
        entries.push({ series: { ...base, label: `${label} −1 sd`, role: 'lower' }, line: { x, y: clampForLog(edge(-1), log) } });
      }
      last[split] = line.at(-1) ?? null;
      lastEpoch = epochs.at(-1) ?? lastEpoch;
    }
    drawnGroups.push({ ...group, last: lastEpoch === null ? null : { epoch: lastEpoch, ...last } });
  }
  // Stable sort: within a role, groups keep their order and train comes before val.
  entries.sort((a, b) => ROLE_ORDER[a.series.role] - ROLE_ORDER[b.series.role]);
  const series = entries.map((entry) => entry.series);
  const bands: [number, number][] = [];
  series.forEach((s, i) => {
    if (s.role !== 'upper') return;
    const lower = series.findIndex((t) => t.role === 'lower' && t.groupKey === s.groupKey && t.split === s.split);
    if (lower !== -1) bands.push([i + 1, lower + 1]);
  });
  return { metric, data: alignSeries(entries.map((entry) => entry.line)), series, bands, xLabel, groups: drawnGroups };
}

/**
 * Builds the loss and accuracy charts of some runs, and the gradient noise scale's when any
 * run has one: train and validation per run (the noise scale: train only) (or per cell, its repeats combined into a mean with a ±1 sd band, when
 * asked and the cell has more than one), each group one palette colour in
 * order of first appearance, smoothed with a debiased EMA when asked (the raw
 * values kept for a faint line behind), all on the chosen x-axis. A run the
 * axis cannot place (no known training-set size for steps, no durations for
 * time) is left out and listed in `omitted`.
 *
 * @param runs - in the order their colours are given.
 */
export function buildCurveCharts(runs: readonly CurveRun[], options: CurveOptions): CurveCharts {
  const omitted: CurveCharts['omitted'] = [];
  const placed: PlacedRun[] = [];
  for (const run of runs) {
    const xs = xValuesOf(options.xAxis, run.epochs, run);
    if (xs.ok) placed.push({ run, x: xs.x });
    else omitted.push({ runId: run.runId, reason: xs.reason });
  }

  const members = new Map<string, PlacedRun[]>();
  for (const entry of placed) {
    const key = options.combineRepeats ? cellKeyOf(entry.run) : entry.run.runId;
    members.set(key, [...(members.get(key) ?? []), entry]);
  }
  // Colours follow the runs' order whether or not the axis can place each, so they stay put when the axis changes.
  const slots = assignPaletteSlots(runs.map((run) => (options.combineRepeats ? cellKeyOf(run) : run.runId)));
  const sweeps = new Set(runs.map((run) => run.sweepId));
  const groups = [...members.entries()].map(([key, list]) => {
    const [{ run }] = list as [PlacedRun];
    const label =
      list.length === 1
        ? runLabel(run)
        : `b ${run.batchSize} · lr ${run.learningRate} · mean of ${list.length} repeats${sweeps.size > 1 ? ` · sweep ${run.sweepId}` : ''}`;
    return { group: { key, label, slot: slots.get(key) ?? 0, runIds: list.map((m) => m.run.runId) }, members: list };
  });

  const bases = [...new Set(placed.flatMap(({ run }) => (run.trainingSet ? [run.trainingSet.basis] : [])))];
  const xLabel = describeXAxis(options.xAxis, bases);
  return {
    loss: buildChart('loss', groups, options, xLabel),
    accuracy: buildChart('accuracy', groups, options, xLabel),
    noiseScale: placed.some(({ run }) => run.epochs.some((epoch) => typeof epoch.noiseScale === 'number'))
      ? buildChart('noiseScale', groups, options, xLabel)
      : null,
    omitted,
  };
}
