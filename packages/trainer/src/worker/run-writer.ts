import { setTimeout as sleep } from 'node:timers/promises';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { RunLease } from '@sweepscope/db/leases';
import { oneAtATime } from './one-at-a-time.js';

/** Options of {@link createRunWriter}. */
export interface CreateRunWriterOptions {
  lease: RunLease;
  /** Hears why the run was lost, once: a write the database refused, or one it left unanswered. */
  onLost: (why: string, how: 'refused' | 'unanswered') => void;
  /** Hears a beat that failed without losing the run (the database away for a moment). */
  onError: (what: string, error: Error) => void;
}

/** Every write a worker makes for the run it trains. */
export interface RunWriter {
  /**
   * Writes under the lease (see {@link createRunWriter}). Resolves once written, or once the
   * run is found lost, after which nothing more is written.
   * @throws what the write throws, other than a refused lease
   */
  write(what: string, work: (lease: RunLease) => Promise<unknown>): Promise<void>;
  /**
   * A write that says whether the lease held: a renewal or a progress report. Its failures
   * are reported to `onError`, never thrown.
   * @param skipIfBusy return at once when another write is under way (a progress report,
   *   which the next one supersedes)
   */
  beat(what: string, work: (lease: RunLease) => Promise<boolean>, skipIfBusy?: boolean): Promise<void>;
  /** Whether the run was lost: refused, or a write went unanswered for a whole lease. */
  lost(): boolean;
}

/**
 * The write discipline of a worker for one run. Writes go one at a time, so at most one of
 * its transactions is open (two, cut off together, would queue on the run's row lock and
 * the server would free the row only after ending both in turn). A write the database
 * refuses (LEASE_LOST), or one with no answer within the lease — the database out of reach,
 * or the connection dead — loses the run: the lease has run out either way, and another
 * worker may have the run.
 */
export function createRunWriter(options: CreateRunWriterOptions): RunWriter {
  const { lease } = options;
  const queue = oneAtATime();
  let lost = false;
  const lose = (why: string, how: 'refused' | 'unanswered'): void => {
    if (lost) return;
    lost = true;
    options.onLost(why, how);
  };
  const late = Symbol('late');
  const answerGraceMs = 500;
  /** The write's outcome, or `late` when it had no answer within the lease. */
  const bounded = async <T>(work: (held: RunLease) => Promise<T>): Promise<T | typeof late> => {
    const attempt = queue.run(() => work(lease));
    const deadline = new AbortController();
    try {
      // The grace after the lease is for a process that was paused: once it resumes, its
      // overdue timer fires before the answer waiting in its socket is read.
      const expired = sleep(lease.leaseMs, undefined, { signal: deadline.signal }).then(() => sleep(answerGraceMs, late, { signal: deadline.signal }));
      return await Promise.race([attempt, expired]);
    } finally {
      deadline.abort();
      // An abandoned write may still fail when its connection finally dies.
      attempt.catch(() => undefined);
    }
  };
  const refusal = (error: unknown): string | undefined => (error instanceof SweepscopeError && error.code === ErrorCode.LeaseLost ? error.message : undefined);
  const noAnswer = (what: string): string =>
    `${what} got no answer within the lease (${lease.leaseMs} ms): the database is out of reach or the connection died`;

  return {
    async write(what, work) {
      if (lost) return;
      try {
        if ((await bounded(work)) === late) lose(noAnswer(what), 'unanswered');
      } catch (error) {
        const refused = refusal(error);
        if (refused === undefined) throw error;
        lose(refused, 'refused');
      }
    },
    async beat(what, work, skipIfBusy = false) {
      if (lost || (skipIfBusy && queue.busy())) return;
      try {
        const held = await bounded(work);
        if (held === late) lose(noAnswer(what), 'unanswered');
        else if (!held) lose(`${what} was refused: run ${lease.runId} was cancelled, or taken over by another worker after its lease ran out`, 'refused');
      } catch (error) {
        options.onError(what, coerceError(error));
      }
    },
    lost: () => lost,
  };
}
