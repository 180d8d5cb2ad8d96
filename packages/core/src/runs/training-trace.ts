/** What the conclusions' instability rules read of a run's epochs (see `findInstability` in @sweepscope/conclusions). */
export interface TrainingTrace {
  /** Epochs stored. */
  epochs: number;
  /** Training loss of the first and of the last stored epoch, and the largest of any, in nats. */
  firstLoss: number;
  lastLoss: number;
  largestLoss: number;
  /** The highest validation accuracy of any epoch, 0–1. */
  bestValAccuracy: number;
}
