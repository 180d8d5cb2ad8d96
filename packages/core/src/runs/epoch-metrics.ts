/** Metrics of one finished epoch: what training produces, and what an epoch row stores of it. */
export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  /** Mean training cross-entropy over the epoch, in nats per image. */
  loss: number;
  /** Fraction of training images classified correctly over the epoch, 0–1. */
  accuracy: number;
  /** Validation cross-entropy after the epoch, in nats per image. */
  valLoss: number;
  /** Fraction of validation images classified correctly after the epoch, 0–1. */
  valAccuracy: number;
  /** Wall time of the epoch, training plus validation, in milliseconds. */
  durationMs: number;
  /** Training images per second over the epoch. */
  imagesPerSecond: number;
  /**
   * The gradient noise scale B_simple at the epoch's end, in images (McCandlish et al. 2018:
   * tr Σ / |G|², an estimate of the critical batch size); null in the first epoch (not measured)
   * and while the averaged |G|² or tr(Σ) is not yet positive, absent when not measured at all.
   */
  noiseScale?: number | null;
}

/**
 * An epoch's metrics as they are stored, sent and exported: those of
 * {@link EpochMetrics}, with the wall time and throughput null for epochs
 * imported without them.
 */
export interface StoredEpochMetrics extends Omit<EpochMetrics, 'durationMs' | 'imagesPerSecond'> {
  durationMs: number | null;
  imagesPerSecond: number | null;
}
