/** Where and how a run's training blew up. */
export interface Divergence {
  /** The rule that fired, in words. */
  rule: string;
  /** The epoch it happened in, 1-based. */
  epoch: number;
  /** The training batch of that epoch, 1-based; 0 for the validation after it. */
  batch: number;
  /** The loss that broke the rule (NaN and ±Infinity included), in nats per image: the epoch's mean so far. */
  loss: number;
}

/**
 * How many times the loss of a uniform guess an epoch's mean training loss may reach, checked
 * after every batch, before the run counts as diverged. @default 10
 *
 * Why this rule: a model that guesses uniformly among C classes scores ln C nats, which is
 * about where every run from scratch starts. An epoch averaging 10 × ln C (23 nats for 10
 * classes, a probability of e⁻²³ on the right class) means the logits have blown up; the
 * reference protocol's plain SGD then stays at thousands of nats (the lr 10 run stayed at
 * 8,283), and such a loss lifts the epoch's mean past the limit in the batch it happens.
 * The mean over the epoch so far lets a run whose single batch spikes go on (a batch-8 run
 * at lr 0.1 on 4 synthetic classes averaged 6–7 nats per epoch, with a batch at 15), and it
 * starts afresh each epoch, so a run resumed from a checkpoint judges each batch exactly as
 * if it had never stopped. fastai's learning-rate finder stops at 4 × the best smoothed
 * loss, which suits a sweep of learning rates within one run, not a constant rate whose
 * best loss falls towards 0 (a later batch would then be "4 × the best").
 */
export const defaultDivergenceFactor = 10;

/**
 * Judges one loss: an epoch's mean training loss so far, or its validation loss.
 * @param numClasses the data set's classes (C in ln C)
 * @returns the rule it breaks, or undefined when it breaks none
 */
export function findDivergence(loss: number, numClasses: number, factor = defaultDivergenceFactor): string | undefined {
  if (!Number.isFinite(loss)) return `the loss became ${String(loss)}`;
  const limit = factor * Math.log(numClasses);
  if (loss > limit) return `the loss exceeded ${factor} × ln ${numClasses} = ${limit.toFixed(1)} nats, ${factor} times a uniform guess's`;
  return undefined;
}
