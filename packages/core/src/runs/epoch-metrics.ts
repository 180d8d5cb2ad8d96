/** Metrics of one finished epoch: what training produces, and what an epoch row stores of it. */
export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  /** Mean training loss over the epoch. */
  loss: number;
  /** Training accuracy over the epoch, 0 to 1. */
  accuracy: number;
  valLoss: number;
  /** 0 to 1. */
  valAccuracy: number;
  /** Wall time of the epoch, training plus validation, in milliseconds. */
  durationMs: number;
  /** Training images per second over the epoch. */
  imagesPerSecond: number;
}
