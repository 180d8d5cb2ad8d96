import { ErrorCode, formatTable, proposeGrid, SweepscopeError, type SweepInput } from '@sweepscope/core';
import type { BackendPreference } from '../backend/select-backend.js';
import { trainModel } from '../train/train-model.js';
import { createDatasetCache } from '../worker/dataset-cache.js';
import { checkSweep } from './check-sweep.js';
import type { ProgressOutput } from './progress-display.js';
import { selectBackendFlag } from './select-backend-flag.js';

/** Options of {@link runPlanCommand}. */
export interface RunPlanCommandOptions {
  sweep: SweepInput;
  backend: BackendPreference;
  /** Print the plan as one JSON document on `stdout`, and progress on `stderr`. */
  json: boolean;
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  signal: AbortSignal;
}

/**
 * The probe's epochs unless `--epochs` says: the first is not measured (the gradient's scale
 * settles in it), and two more give some dozens of measurements at the probe's interval.
 */
const probeEpochs = 3;

/** Measuring every other step: a probe is short, and is there to measure. */
const probeNoiseScale = { interval: 2, smoothing: 0.9 };

/**
 * `sweepscope-train plan`: trains one short probe run of the sweep's middle cell (by batch
 * size) with the sweep's settings (3 epochs unless `--epochs`), here and without the database, measures the gradient
 * noise scale as training does, and proposes a grid around the critical batch size it
 * estimates (see `proposeGrid`), with the command line that trains it.
 * @returns the exit status: 0 with a plan, 1 when the probe could not resolve the noise scale, 130 when interrupted
 * @throws {SweepscopeError} BAD_USER_INPUT for a setting refused, as `train` refuses it
 */
export async function runPlanCommand(options: RunPlanCommandOptions): Promise<number> {
  const progress = options.json ? options.stderr : options.stdout;
  const say = (line: string): void => void progress.write(`${line}\n`);
  const backend = await selectBackendFlag(options.backend);
  const { settings, dataset } = await checkSweep({ input: options.sweep, datasets: createDatasetCache(), onStatus: say });
  const probe = settings.cells.toSorted((a, b) => a.batchSize - b.batchSize)[Math.floor((settings.cells.length - 1) / 2)]!;
  const epochs = options.sweep.epochs ?? probeEpochs;
  if (epochs < 2) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `--epochs is ${epochs}: expected at least 2 for a probe, whose first epoch is not measured.`, {
      field: ['--epochs'],
    });
  }
  say(
    `probe: batch ${probe.batchSize}, learning rate ${probe.learningRate}, ${epochs} epochs on ${dataset.train.count} ${settings.dataset} images (${backend.name})`,
  );
  // The newest epoch's: set by the callback, read once training returns.
  const measured: { noiseScale: number | null } = { noiseScale: null };
  const result = await trainModel({
    dataset,
    alpha: settings.alpha,
    batchNormMomentum: settings.batchNormMomentum,
    batchSize: probe.batchSize,
    learningRate: probe.learningRate,
    epochs,
    seed: settings.seed,
    shuffleBuffer: settings.shuffleBuffer,
    divergenceFactor: settings.divergenceFactor,
    signal: options.signal,
    noiseScale: probeNoiseScale,
    onEpoch: async (metrics) => {
      measured.noiseScale = metrics.noiseScale ?? null;
      say(`epoch ${metrics.epoch}/${epochs}: loss ${metrics.loss.toFixed(4)}, gradient noise scale ${metrics.noiseScale?.toFixed(0) ?? '–'}`);
    },
  });
  if (result.status === 'aborted') return 130;
  const { noiseScale } = measured;
  if (result.status === 'diverged' || noiseScale === null) {
    process.stderr.write(
      `sweepscope-train: the probe ${result.status === 'diverged' ? 'diverged' : 'could not resolve the gradient noise scale'}: ` +
        'try a smaller learning rate in --cells, more epochs (--epochs), or more training images (--train-limit).\n',
    );
    return 1;
  }
  const plan = proposeGrid({ criticalBatchSize: noiseScale, probe, maxBatchSize: dataset.train.count });
  const cells = plan.cells.map((cell) => `${cell.batchSize}:${cell.learningRate}`).join(',');
  if (options.json) {
    options.stdout.write(`${JSON.stringify({ probe, criticalBatchSize: noiseScale, maxLearningRate: plan.maxLearningRate, cells: plan.cells }, null, 2)}\n`);
    return 0;
  }
  const batchSizes = [...new Set(plan.cells.map((cell) => cell.batchSize))];
  say(`\ncritical batch size (gradient noise scale B_simple): ${noiseScale.toFixed(0)} images`);
  if (noiseScale > dataset.train.count) {
    say(
      `that is more than the ${dataset.train.count} training images: every batch the data allows is below it, where the best learning rate should grow about linearly`,
    );
  }
  say(`predicted best learning rate: ${plan.maxLearningRate.toPrecision(3)} / (1 + ${noiseScale.toFixed(0)} / batch), through the probe's cell\n`);
  say(
    formatTable(
      ['batch size', 'learning rates (the middle one predicted best)'],
      batchSizes.map((batchSize) => [
        String(batchSize),
        plan.cells
          .filter((cell) => cell.batchSize === batchSize)
          .map((cell) => String(cell.learningRate))
          .join('  '),
      ]),
    ),
  );
  say(`\ntrain it:  sweepscope-train${settings.preset === 'quick' ? '' : ` --preset ${settings.preset}`} --cells ${cells}`);
  return 0;
}
