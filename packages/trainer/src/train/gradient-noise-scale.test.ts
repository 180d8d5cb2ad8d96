import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';

import { estimateGradientNoise, NoiseScaleTracker } from './gradient-noise-scale.js';
import { measureHalfBatchNorms } from './measure-half-batch-norms.js';

/**
 * Linear regression y = w*·x + ε with x ~ N(0, I_d) and ε ~ N(0, σ²), loss ½(w·x − y)² per
 * example, at weights w = w* + δ. The per-example gradient is (x xᵀ)δ − εx, so G = δ and,
 * by Isserlis' theorem, Σ = (|δ|² + σ²) I + δδᵀ: tr(Σ) = d(|δ|² + σ²) + |δ|², and the noise
 * scale is d(1 + σ²/|δ|²) + 1, known exactly.
 */
const d = 8;
const sigma = 1;
const delta = Array.from({ length: d }, (_, i) => (i % 2 === 0 ? 0.5 : -0.5)); // |δ|² = 2
const deltaSquared = delta.reduce((sum, value) => sum + value * value, 0);
const exactTrace = d * (deltaSquared + sigma * sigma) + deltaSquared;
const exactNoiseScale = exactTrace / deltaSquared;

describe('estimateGradientNoise', () => {
  it('recovers |G|² and tr(Σ) exactly from the expected squared norms E|G_B|² = |G|² + tr(Σ)/B', () => {
    const expectedNorm = (batch: number) => deltaSquared + exactTrace / batch;
    const estimate = estimateGradientNoise({ smallBatch: 4, smallNormSquared: expectedNorm(4), bigBatch: 32, bigNormSquared: expectedNorm(32) });
    assert.ok(Math.abs(estimate.gradientSquared - deltaSquared) < 1e-12, String(estimate.gradientSquared));
    assert.ok(Math.abs(estimate.trace - exactTrace) < 1e-9, String(estimate.trace));
  });

  it('refuses batch sizes that are not 1 ≤ small < big', () => {
    assert.throws(() => estimateGradientNoise({ smallBatch: 8, smallNormSquared: 1, bigBatch: 8, bigNormSquared: 1 }), /1 ≤ small < big/);
    assert.throws(() => estimateGradientNoise({ smallBatch: 0, smallNormSquared: 1, bigBatch: 8, bigNormSquared: 1 }), /1 ≤ small < big/);
  });
});

describe('NoiseScaleTracker', () => {
  it('is the ratio of the averages, not the average of the ratios', () => {
    const tracker = new NoiseScaleTracker(0.5);
    tracker.add({ gradientSquared: 1, trace: 10 });
    tracker.add({ gradientSquared: 3, trace: 10 });
    // Averages 0.5·(0.5·1) + 0.5·3 = 1.75 and 7.5: the ratio 4.29, where the mean of 10 and 3.33 would be 6.67.
    assert.ok(Math.abs((tracker.noiseScale ?? 0) - 7.5 / 1.75) < 1e-12);
  });

  it('says nothing before a measurement or while the averaged |G|² is not positive, and skips non-finite estimates', () => {
    const tracker = new NoiseScaleTracker(0.9);
    assert.equal(tracker.noiseScale, null);
    tracker.add({ gradientSquared: -0.2, trace: 5 });
    assert.equal(tracker.noiseScale, null);
    tracker.add({ gradientSquared: Number.NaN, trace: 5 });
    assert.equal(tracker.state.count, 1);
  });

  it('goes on from a stored state as if it had never stopped', () => {
    const whole = new NoiseScaleTracker(0.8);
    const first = new NoiseScaleTracker(0.8);
    const estimates = [1, 2, 0.5, 4].map((g, i) => ({ gradientSquared: g, trace: 10 + i }));
    for (const estimate of estimates) whole.add(estimate);
    for (const estimate of estimates.slice(0, 2)) first.add(estimate);
    const resumed = new NoiseScaleTracker(0.8, first.state);
    for (const estimate of estimates.slice(2)) resumed.add(estimate);
    assert.equal(resumed.noiseScale, whole.noiseScale);
  });
});

describe('the noise scale measured on linear regression with Gaussian noise', () => {
  it(`comes within 10 % of the exact ${exactNoiseScale}, from the two halves of each batch, as training measures them`, async () => {
    await tf.setBackend('cpu');
    const start = tf.memory().numTensors;
    const wStar = tf.tensor1d(Array.from({ length: d }, (_, i) => Math.sin(i + 1)));
    const initial = tf.tidy(() => tf.add(wStar, tf.tensor1d(delta)) as tf.Tensor1D);
    const w = tf.variable(initial);
    initial.dispose();
    // A batch of 32 fresh examples a step, measured in halves of 16 as training measures.
    const normsAt = (seed: number): [number, number] =>
      tf.tidy(() => {
        const x = tf.randomNormal([32, d], 0, 1, 'float32', seed);
        const y = tf.add(tf.matMul(x, wStar.reshape([d, 1])).reshape([32]), tf.randomNormal([32], 0, sigma, 'float32', seed + 1));
        const { halfNormSquared, bothNormSquared } = measureHalfBatchNorms(
          (start, count) =>
            tf.mean(tf.mul(0.5, tf.square(tf.sub(tf.matMul(x.slice(start, count), w.reshape([d, 1])).reshape([count]), y.slice(start, count))))) as tf.Scalar,
          [w],
          16,
        );
        return [halfNormSquared.dataSync()[0]!, bothNormSquared.dataSync()[0]!];
      });
    const tracker = new NoiseScaleTracker(0.999);
    for (let step = 0; step < 3000; step += 1) {
      const [half, both] = normsAt(2 * step);
      tracker.add(estimateGradientNoise({ smallBatch: 16, smallNormSquared: half, bigBatch: 32, bigNormSquared: both }));
    }
    const measured = tracker.noiseScale ?? Number.NaN;
    tf.dispose([w, wStar]);
    assert.equal(tf.memory().numTensors, start);
    assert.ok(Math.abs(measured - exactNoiseScale) / exactNoiseScale < 0.1, `measured ${measured}, exact ${exactNoiseScale}`);
  });
});
