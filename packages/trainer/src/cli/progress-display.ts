import { formatDuration, type EpochAddedEvent, type RunProgressEvent } from '@sweepscope/core';

/** Where the display writes: a terminal draws bars, anything else gets plain lines. */
export interface ProgressOutput {
  write(text: string): unknown;
  /** True for a terminal; false or absent for a pipe, a file or `turbo run`. */
  isTTY?: boolean;
  /** Terminal width in characters. @default 100 */
  columns?: number;
}

/** What the display knows of a run before any event arrives. */
export interface RunLabel {
  /** How the run is named in every line, e.g. `run 12 (batch 128, lr 0.1)`. */
  label: string;
  batchSize: number;
}

/** Options of {@link createProgressDisplay}. */
export interface CreateProgressDisplayOptions {
  output: ProgressOutput;
  runs: ReadonlyMap<number, RunLabel>;
  /** Least time between two plain progress lines of one run, in ms. @default 10000 */
  plainIntervalMs?: number;
  /** Least time between two redraws of the bars, in ms. @default 100 */
  redrawIntervalMs?: number;
  /** Clock, in ms. @default performance.now */
  now?: () => number;
}

/** Shows a sweep's progress as it trains. */
export interface ProgressDisplay {
  /** A run's progress inside an epoch. */
  progress(event: RunProgressEvent): void;
  /** A finished epoch: printed as a line of metrics. */
  epoch(event: EpochAddedEvent, epochs: number): void;
  /** A line of its own (a status change, a note), kept above the bars. */
  line(text: string): void;
  /** A run ended: its bar goes. */
  ended(runId: number): void;
  /** Removes the bars, leaving the printed lines. */
  close(): void;
}

const barWidth = 24;

/**
 * Draws one progress bar per running run (epoch, batch, images/s, ETA) under the lines
 * already printed, redrawn in place on a terminal. When the output is not a terminal —
 * a pipe, a file, `turbo run`, which never gives its tasks one — it degrades to a plain
 * progress line per run every `plainIntervalMs`, so a log still shows a long epoch moving.
 */
export function createProgressDisplay(options: CreateProgressDisplayOptions): ProgressDisplay {
  const { output, runs } = options;
  const now = options.now ?? (() => performance.now());
  const tty = output.isTTY === true;
  const bars = new Map<number, RunProgressEvent>();
  const lastPlain = new Map<number, number>();
  let drawnLines = 0;
  let lastDraw = -Infinity;

  const labelOf = (runId: number): string => runs.get(runId)?.label ?? `run ${runId}`;
  const erase = (): void => {
    // Up to the first bar line, then clear to the end of the screen.
    if (drawnLines > 0) output.write(`\x1b[${drawnLines}F\x1b[J`);
    drawnLines = 0;
  };
  const draw = (): void => {
    const width = output.columns ?? 100;
    const lines = [...bars.values()].map((event) => fit(formatBar(event, labelOf(event.runId), eta(event)), width));
    for (const text of lines) output.write(`${text}\n`);
    drawnLines = lines.length;
    lastDraw = now();
  };
  // Milliseconds left in the run at its current rate.
  const eta = (event: RunProgressEvent): number | undefined => {
    const batchSize = runs.get(event.runId)?.batchSize;
    if (batchSize === undefined || event.imagesPerSecond <= 0) return undefined;
    const batchesLeft = (event.epochs - event.epoch) * event.batches + (event.batches - event.batch);
    return ((batchesLeft * batchSize) / event.imagesPerSecond) * 1000;
  };
  const printLine = (text: string): void => {
    if (tty) erase();
    output.write(`${text}\n`);
    if (tty) draw();
  };

  return {
    progress(event) {
      bars.set(event.runId, event);
      if (tty) {
        if (now() - lastDraw < (options.redrawIntervalMs ?? 100) && event.batch !== event.batches) return;
        erase();
        draw();
        return;
      }
      const last = lastPlain.get(event.runId) ?? -Infinity;
      if (now() - last < (options.plainIntervalMs ?? 10_000)) return;
      lastPlain.set(event.runId, now());
      output.write(`${formatPlain(event, labelOf(event.runId), eta(event))}\n`);
    },
    epoch(event, epochs) {
      printLine(
        `${labelOf(event.runId)} epoch ${event.epoch}/${epochs}: loss ${event.loss.toFixed(4)} accuracy ${event.accuracy.toFixed(4)} ` +
          `val_loss ${event.valLoss.toFixed(4)} val_accuracy ${event.valAccuracy.toFixed(4)} ` +
          `(${event.durationMs === null ? '—' : (event.durationMs / 1000).toFixed(1)} s, ${event.imagesPerSecond === null ? '—' : formatRate(event.imagesPerSecond)} img/s)`,
      );
    },
    line: printLine,
    ended(runId) {
      if (!bars.delete(runId)) return;
      if (tty) {
        erase();
        draw();
      }
    },
    close() {
      if (tty) erase();
      bars.clear();
    },
  };
}

/** `run 3 (batch 32, lr 0.1)  epoch 2/10 [██████░░░░]  12/63  85.2 img/s  ETA 4m 05s` */
function formatBar(event: RunProgressEvent, label: string, etaMs: number | undefined): string {
  const done = event.batches === 0 ? 0 : event.batch / event.batches;
  const filled = Math.round(done * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  return (
    `${label}  epoch ${event.epoch}/${event.epochs} [${bar}] ${event.batch}/${event.batches}  ` +
    `${formatRate(event.imagesPerSecond)} img/s  ETA ${formatDuration(etaMs)}`
  );
}

/** `run 3 (batch 32, lr 0.1) epoch 2/10: batch 12/63, 85.2 img/s, ETA 4m 05s` */
function formatPlain(event: RunProgressEvent, label: string, etaMs: number | undefined): string {
  return (
    `${label} epoch ${event.epoch}/${event.epochs}: batch ${event.batch}/${event.batches}, ` +
    `${formatRate(event.imagesPerSecond)} img/s, ETA ${formatDuration(etaMs)}`
  );
}

/**
 * Images per second with one decimal, or two significant digits below 1: a 224×224 α 1.0
 * model on the plain JS backend trains about 0.016 images a second, which one decimal shows as 0.0.
 */
function formatRate(imagesPerSecond: number): string {
  return imagesPerSecond >= 1 || imagesPerSecond === 0 ? imagesPerSecond.toFixed(1) : imagesPerSecond.toPrecision(2);
}

/** Cuts a line to the terminal's width, so a wrapped line cannot throw off the redraw. */
function fit(text: string, width: number): string {
  return text.length < width ? text : `${text.slice(0, Math.max(0, width - 2))}…`;
}
