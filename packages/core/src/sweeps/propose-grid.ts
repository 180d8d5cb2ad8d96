/** The best learning rate the noise scale predicts at a batch size (McCandlish et al. 2018): ε_max / (1 + B_crit / B). */
export function predictLearningRate(maxLearningRate: number, criticalBatchSize: number, batchSize: number): number {
  return maxLearningRate / (1 + criticalBatchSize / batchSize);
}

/** Options of {@link proposeGrid}. */
export interface ProposeGridOptions {
  /** B_simple as a probe run measured it, in images. */
  criticalBatchSize: number;
  /** The probe's cell: the curve's height is set so that it passes through it. */
  probe: { batchSize: number; learningRate: number };
  /** The largest batch the data allows (its training images). */
  maxBatchSize: number;
}

/** A proposed grid: batch sizes around B_crit, each with learning rates around the predicted best. */
export interface ProposedGrid {
  /** ε_max of the curve through the probe. */
  maxLearningRate: number;
  cells: { batchSize: number; learningRate: number }[];
}

/** The spacing of the proposed learning rates: half a decade, so three span a decade each side. */
const rateStep = Math.sqrt(10);

/**
 * A grid to test the noise scale's prediction: the powers of two from B_crit / 8 up to 2 B_crit
 * (at least 8 images, at most the data's training images; when B_crit is past those, the eight
 * times range below the whole training set), where the best learning rate should go from
 * growing linearly to levelling off, and at each the predicted best learning rate and
 * half a decade either side of it. The curve's height, ε_max, is what the noise scale does not
 * give: it is set so that the curve passes through the probe's own learning rate, taken as a
 * reasonable one, so the grid's middle column may sit off the true best by a constant factor,
 * which the grid's spread of a decade either side is there to find.
 */
export function proposeGrid({ criticalBatchSize, probe, maxBatchSize }: ProposeGridOptions): ProposedGrid {
  const maxLearningRate = probe.learningRate * (1 + criticalBatchSize / probe.batchSize);
  const centre = Math.min(criticalBatchSize, maxBatchSize);
  const lowest = Math.min(maxBatchSize, Math.max(8, 2 ** Math.round(Math.log2(centre / 8))));
  const batchSizes: number[] = [];
  for (let size = lowest; size <= Math.max(lowest, 2 * centre); size *= 2) batchSizes.push(Math.min(size, maxBatchSize));
  const cells = [...new Set(batchSizes)].flatMap((batchSize) => {
    const middle = predictLearningRate(maxLearningRate, criticalBatchSize, batchSize);
    return [middle / rateStep, middle, middle * rateStep].map((learningRate) => ({ batchSize, learningRate: Number(learningRate.toPrecision(2)) }));
  });
  return { maxLearningRate, cells };
}
