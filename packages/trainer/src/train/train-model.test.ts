import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { makeSyntheticDataset } from '../data/synthetic-dataset.js';
import type { Checkpoint } from './checkpoint.js';
import { trainModel, type EpochMetrics, type TrainModelOptions } from './train-model.js';

// The plain JS backend trains this model at a handful of images per second: keep the data tiny.
const dataset = makeSyntheticDataset({ inputSize: 32, trainCount: 32, valCount: 16, seed: 1 });

function options(overrides: Partial<TrainModelOptions> = {}): TrainModelOptions {
  return {
    dataset,
    alpha: 0.35,
    batchSize: 8,
    learningRate: 0.01,
    epochs: 2,
    seed: 1,
    shuffleBuffer: 1000,
    onEpoch: () => Promise.resolve(),
    ...overrides,
  };
}

before(async () => {
  await tf.setBackend('cpu');
});

describe('trainModel', () => {
  test('reports two epochs of finite metrics and frees every tensor', async (t) => {
    const start = tf.memory().numTensors;
    const epochs: EpochMetrics[] = [];
    const batches: number[] = [];
    const result = await trainModel(
      options({
        onEpoch: async (metrics) => {
          // A slow consumer must finish before the next epoch starts.
          await new Promise((resolve) => setTimeout(resolve, 5));
          epochs.push(metrics);
        },
        onBatch: ({ batch, batches: total }) => batches.push(batch * 10 + total),
      }),
    );
    assert.deepEqual(result, { status: 'succeeded', epochsDone: 2 });
    assert.deepEqual(
      epochs.map((m) => m.epoch),
      [1, 2],
    );
    for (const m of epochs) {
      for (const value of [m.loss, m.accuracy, m.valLoss, m.valAccuracy, m.durationMs, m.imagesPerSecond]) {
        assert.ok(Number.isFinite(value), `epoch ${m.epoch}: ${JSON.stringify(m)}`);
      }
      assert.ok(m.accuracy >= 0 && m.accuracy <= 1 && m.valAccuracy >= 0 && m.valAccuracy <= 1);
      assert.ok(m.loss > 0 && m.imagesPerSecond > 0);
    }
    assert.deepEqual(batches, [14, 24, 34, 44, 14, 24, 34, 44]);
    assert.equal(tf.memory().numTensors, start);
    t.diagnostic(
      `epoch ms: ${epochs.map((m) => Math.round(m.durationMs)).join(', ')}; train img/s: ${epochs.map((m) => m.imagesPerSecond.toFixed(1)).join(', ')}`,
    );
  });

  test('ends diverged when the loss stops being finite, without reporting that epoch', async () => {
    const start = tf.memory().numTensors;
    const epochs: number[] = [];
    // 1e30 overflows float32 weights within a step or two; 1e6 only diverges after a few epochs.
    const small = makeSyntheticDataset({ inputSize: 32, trainCount: 16, valCount: 4, seed: 3 });
    const result = await trainModel(
      options({
        dataset: small,
        batchSize: 4,
        learningRate: 1e30,
        epochs: 3,
        onEpoch: (m) => Promise.resolve(void epochs.push(m.epoch)),
      }),
    );
    assert.deepEqual(
      { status: result.status, epochsDone: result.epochsDone, epoch: result.divergence?.epoch },
      { status: 'diverged', epochsDone: 0, epoch: 1 },
    );
    assert.deepEqual(epochs, []);
    assert.equal(tf.memory().numTensors, start);
  });

  test('ends diverged within its epoch when its mean loss so far passes ten times a uniform guess, naming the batch, the rule and the loss', async () => {
    const start = tf.memory().numTensors;
    const batchesSeen: number[] = [];
    const result = await trainModel(options({ learningRate: 100, epochs: 3, onBatch: ({ batch }) => batchesSeen.push(batch) }));
    assert.equal(result.status, 'diverged');
    const divergence = result.divergence;
    assert.ok(divergence, 'the divergence is described');
    assert.match(divergence.rule, /^the loss (exceeded 10 × ln 4 = 13\.9 nats|became NaN|became Infinity)/);
    assert.ok(!(divergence.loss <= 13.9), `loss ${divergence.loss}`);
    assert.equal(batchesSeen.length, (divergence.epoch - 1) * 4 + divergence.batch - 1, 'it stopped at the batch that broke the rule');
    assert.equal(tf.memory().numTensors, start);
  });

  test('does not call a run at a sane learning rate diverged, and a higher factor lets a wilder one go on', async () => {
    assert.equal((await trainModel(options({ learningRate: 0.01 }))).status, 'succeeded');
    const wild = await trainModel(options({ learningRate: 100, epochs: 1, divergenceFactor: 1e12 }));
    assert.notEqual(wild.divergence?.rule.startsWith('the loss exceeded'), true, JSON.stringify(wild.divergence));
  });

  test('ends aborted with 0 epochs when the signal is already aborted', async () => {
    const start = tf.memory().numTensors;
    let called = false;
    const result = await trainModel(options({ signal: AbortSignal.abort(), onEpoch: () => Promise.resolve(void (called = true)) }));
    assert.deepEqual(result, { status: 'aborted', epochsDone: 0 });
    assert.equal(called, false);
    assert.equal(tf.memory().numTensors, start);
  });

  test('stops at the next batch boundary when aborted mid-epoch', async () => {
    const start = tf.memory().numTensors;
    const controller = new AbortController();
    let lastBatch = 0;
    const result = await trainModel(
      options({
        signal: controller.signal,
        onBatch: ({ batch }) => {
          lastBatch = batch;
          if (batch === 1) controller.abort();
        },
      }),
    );
    assert.deepEqual(result, { status: 'aborted', epochsDone: 0 });
    assert.equal(lastBatch, 1);
    assert.equal(tf.memory().numTensors, start);
  });

  test('rethrows what onEpoch throws and still frees every tensor', async () => {
    const start = tf.memory().numTensors;
    const tiny = makeSyntheticDataset({ inputSize: 32, trainCount: 4, valCount: 4, seed: 2 });
    await assert.rejects(trainModel(options({ dataset: tiny, batchSize: 4, onEpoch: () => Promise.reject(new Error('database down')) })), /database down/);
    assert.equal(tf.memory().numTensors, start);
  });

  test('gives the same metrics for the same seed, and different ones for another seed', async () => {
    const tiny = makeSyntheticDataset({ inputSize: 32, trainCount: 16, valCount: 8, seed: 4 });
    const firstEpoch = async (seed: number): Promise<number[]> => {
      let found: number[] = [];
      await trainModel(options({ dataset: tiny, seed, epochs: 1, onEpoch: async (m) => void (found = [m.loss, m.accuracy, m.valLoss, m.valAccuracy]) }));
      return found;
    };
    const [a, b, c] = [await firstEpoch(7), await firstEpoch(7), await firstEpoch(8)];
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  test('resumed from the checkpoint of epoch 2, epoch 3 comes out exactly as in a run never stopped', async () => {
    const start = tf.memory().numTensors;
    const tiny = makeSyntheticDataset({ inputSize: 32, trainCount: 16, valCount: 8, seed: 5 });
    const whole: EpochMetrics[] = [];
    const checkpoints: Checkpoint[] = [];
    // Measured every step, so the noise scale's averages must carry over too.
    const noiseScale = { interval: 1, smoothing: 0.5 };
    await trainModel(options({ dataset: tiny, epochs: 3, noiseScale, onEpoch: async (m, checkpoint) => void (whole.push(m), checkpoints.push(checkpoint)) }));
    const afterTwo = checkpoints[1];
    assert.ok(afterTwo);
    const resumed: EpochMetrics[] = [];
    const result = await trainModel(
      options({ dataset: tiny, epochs: 3, noiseScale, resume: { epoch: 2, checkpoint: afterTwo }, onEpoch: async (m) => void resumed.push(m) }),
    );
    assert.deepEqual(result, { status: 'succeeded', epochsDone: 3 });
    const metricsOf = ({ epoch, loss, accuracy, valLoss, valAccuracy, noiseScale }: EpochMetrics) => ({
      epoch,
      loss,
      accuracy,
      valLoss,
      valAccuracy,
      noiseScale,
    });
    assert.deepEqual(resumed.map(metricsOf), [metricsOf(whole[2] as EpochMetrics)]);
    assert.equal(tf.memory().numTensors, start);
  });

  test('measures the gradient noise scale without changing what training does, and frees every tensor', async () => {
    const tiny = makeSyntheticDataset({ inputSize: 32, trainCount: 16, valCount: 8, seed: 9 });
    const measurements: number[] = [];
    const run = async (noiseScale: TrainModelOptions['noiseScale']): Promise<EpochMetrics[]> => {
      const epochs: EpochMetrics[] = [];
      await trainModel(
        options({
          dataset: tiny,
          epochs: 2,
          noiseScale,
          onEpoch: async (m, checkpoint) => void (epochs.push(m), measurements.push(checkpoint.state.noiseScale?.count ?? 0)),
        }),
      );
      return epochs;
    };
    const start = tf.memory().numTensors;
    const measured = await run({ interval: 1, smoothing: 0.5 });
    assert.equal(tf.memory().numTensors, start);
    const plain = await run(false);
    // The extra half-batch pass must leave the weights and batch norm's statistics as they were.
    const training = ({ loss, accuracy, valLoss, valAccuracy }: EpochMetrics) => [loss, accuracy, valLoss, valAccuracy];
    assert.deepEqual(measured.map(training), plain.map(training));
    assert.deepEqual(
      plain.map((m) => m.noiseScale),
      [undefined, undefined],
    );
    // The first epoch is not measured; every step of the second is (two steps of 8 images).
    assert.deepEqual(measurements.slice(0, 2), [0, 2]);
    assert.equal(measured[0]?.noiseScale, null);
    assert.ok(measured[1]?.noiseScale === null || (measured[1]?.noiseScale ?? 0) > 0, String(measured[1]?.noiseScale));
  });

  test('refuses a checkpoint made with another seed, whose data order would not continue the run', async () => {
    const tiny = makeSyntheticDataset({ inputSize: 32, trainCount: 8, valCount: 4, seed: 6 });
    let saved: Checkpoint | undefined;
    await trainModel(options({ dataset: tiny, epochs: 1, onEpoch: async (_m, checkpoint) => void (saved = checkpoint) }));
    assert.ok(saved);
    await assert.rejects(
      trainModel(options({ dataset: tiny, seed: 2, epochs: 2, resume: { epoch: 1, checkpoint: saved } })),
      /expected a checkpoint of seed 2 and shuffle buffer 1000, got 1 and 1000/,
    );
  });
});
