/** What identifies an epoch of a run: its attempt and its number. */
export interface AttemptEpoch {
  /** 1-based; a retry starts the next attempt at epoch 1. */
  attempt: number;
  /** 1-based. */
  epoch: number;
}

/**
 * Adds an epoch that arrived live to those received so far: one entry per
 * attempt and epoch number, the newer replacing the older (an epoch stored
 * again, or one a replay delivers twice). Returns a new array.
 */
export function upsertEpoch<E extends AttemptEpoch>(received: readonly E[], epoch: E): E[] {
  const index = received.findIndex((e) => e.attempt === epoch.attempt && e.epoch === epoch.epoch);
  if (index === -1) return [...received, epoch];
  const next = [...received];
  next[index] = epoch;
  return next;
}

/** What {@link mergeRunEpochs} returns. */
export interface MergedRunEpochs<E> {
  /** The attempt drawn: the newest any source knows of; undefined before anything arrived. */
  attempt: number | undefined;
  /** That attempt's epochs, one per number, ascending. */
  epochs: E[];
}

/**
 * The epochs to draw for a run: its newest attempt's, from the stored ones (a
 * query) and those that arrived live (a stream, which replays every attempt),
 * one per epoch number, the live one winning, in order. A live epoch of a
 * later attempt than the query knew (the run was retried since) moves the
 * curves on to that attempt.
 *
 * @param attempt - the run's current attempt as the query read it; undefined while it loads.
 * @param stored - the query's epochs of that attempt.
 * @param live - epochs the stream delivered, of any attempt.
 */
export function mergeRunEpochs<E extends AttemptEpoch>(attempt: number | undefined, stored: readonly E[], live: readonly E[]): MergedRunEpochs<E> {
  let newest = attempt;
  for (const epoch of [...stored, ...live]) if (newest === undefined || epoch.attempt > newest) newest = epoch.attempt;
  if (newest === undefined) return { attempt: undefined, epochs: [] };
  const byNumber = new Map<number, E>();
  for (const epoch of stored) if (epoch.attempt === newest) byNumber.set(epoch.epoch, epoch);
  for (const epoch of live) if (epoch.attempt === newest) byNumber.set(epoch.epoch, epoch);
  return { attempt: newest, epochs: [...byNumber.values()].sort((a, b) => a.epoch - b.epoch) };
}
