import { formatTable, planFromProbe, probeSweep, type SweepInput } from '@sweepscope/core';
import type { BackendPreference } from '../backend/select-backend.js';
import { noiseScaleEvery, trainModel } from '../train/train-model.js';
import { createDatasetCache } from '../worker/dataset-cache.js';
import { checkSweep } from './check-sweep.js';
import { flagForField } from './parse-train-args.js';
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
  const { cell: probe, settings } = probeSweep(options.sweep, { fieldName: flagForField });
  const { dataset } = await checkSweep({ input: options.sweep, datasets: createDatasetCache(), onStatus: say });
  const { epochs } = settings;
  say(
    `probe: batch ${probe.batchSize}, learning rate ${probe.learningRate}, ${epochs} epochs on ${dataset.train.count} ${settings.dataset} images (${backend.name})`,
  );
  const measured: { epoch: number; noiseScale: number | null }[] = [];
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
    noiseScale: noiseScaleEvery(settings.noiseScaleInterval),
    onEpoch: async (metrics) => {
      measured.push({ epoch: metrics.epoch, noiseScale: metrics.noiseScale ?? null });
      say(`epoch ${metrics.epoch}/${epochs}: loss ${metrics.loss.toFixed(4)}, gradient noise scale ${metrics.noiseScale?.toFixed(0) ?? '–'}`);
    },
  });
  if (result.status === 'aborted') return 130;
  const plan = planFromProbe({
    probe: { ...probe, status: result.status === 'diverged' ? 'diverged' : 'succeeded' },
    epochs: measured,
    maxBatchSize: dataset.train.count,
  });
  const { criticalBatchSize: noiseScale, maxLearningRate, cellsText: cells } = plan;
  if (noiseScale === null || maxLearningRate === null || cells === null) {
    process.stderr.write(`sweepscope-train: ${plan.summary}\n`);
    return 1;
  }
  if (options.json) {
    options.stdout.write(`${JSON.stringify({ probe, criticalBatchSize: noiseScale, maxLearningRate, cells: plan.cells }, null, 2)}\n`);
    return 0;
  }
  const batchSizes = [...new Set(plan.cells.map((cell) => cell.batchSize))];
  say(`\ncritical batch size (gradient noise scale B_simple): ${noiseScale.toFixed(0)} images`);
  if (noiseScale > dataset.train.count) {
    say(
      `that is more than the ${dataset.train.count} training images: every batch the data allows is below it, where the best learning rate should grow about linearly`,
    );
  }
  say(`predicted best learning rate: ${maxLearningRate.toPrecision(3)} / (1 + ${noiseScale.toFixed(0)} / batch), through the probe's cell\n`);
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
