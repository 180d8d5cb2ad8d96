import type { PrismaClient } from '@sweepscope/db';
import { recordEpoch } from '@sweepscope/db/runs';
import type { Commit } from './fleet-protocol.js';
import { summarizeLatencies, type LatencySummary } from './percentile.js';
import { benchLease } from './seed-sweep.js';

/** Hands out the next epoch to store: the runs in turn, each one epoch further every round. */
export interface EpochSequence {
  next(): { runId: number; epoch: number };
}

/**
 * Cycles through running runs as workers would finish epochs across a sweep: every run's
 * epoch 1, then every run's epoch 2, and so on, so each write adds a new epoch row.
 * @param runIds runs seeded `running` (held under {@link benchLease}) with no epochs yet
 */
export function createEpochSequence(runIds: readonly number[]): EpochSequence {
  let issued = 0;
  return {
    next() {
      const runId = runIds[issued % runIds.length];
      if (runId === undefined) throw new RangeError('createEpochSequence: expected at least one run, got none');
      const epoch = Math.floor(issued / runIds.length) + 1;
      issued += 1;
      return { runId, epoch };
    },
  };
}

/** Options of {@link writeEpochs}. */
export interface WriteEpochsOptions {
  sequence: EpochSequence;
  /** Writes started per second, on a fixed schedule. */
  ratePerSecond: number;
  durationMs: number;
  /**
   * Transactions in flight at most, each on its own pool connection: the writers in
   * parallel. A write that falls behind its slot starts as soon as one is free.
   * @default 8
   */
  concurrency?: number;
}

/** What a burst of writes achieved. */
export interface WriteEpochsResult {
  /** Every stored epoch with the moment its recordEpoch resolved (the commit). */
  commits: Commit[];
  /** Stored epochs per second, first start to last commit. */
  achievedRate: number;
  /** recordEpoch's own duration, start to commit, in milliseconds. */
  writeLatency: LatencySummary;
  /** Writes that threw, with the first message. */
  errors: number;
  firstError?: string;
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Stores epochs with recordEpoch (run heartbeat, epoch row, event log and NOTIFY in one
 * transaction, as a worker does) at a steady rate: write i is due `i / rate` seconds after
 * the start, open-loop, so a slow commit does not slow the schedule until every writer is
 * busy. The commit time is taken on the monotonic clock the subscriber process shares.
 */
export async function writeEpochs(prisma: PrismaClient, options: WriteEpochsOptions): Promise<WriteEpochsResult> {
  const concurrency = options.concurrency ?? 8;
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  const commits: Commit[] = [];
  const durations: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let firstError: string | undefined;
  const start = nowMs();
  let issued = 0;
  while (issued < total) {
    const wait = start + (issued * 1000) / options.ratePerSecond - nowMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= concurrency) {
      await Promise.race(inFlight);
      continue;
    }
    const { runId, epoch } = options.sequence.next();
    const began = nowMs();
    const write: Promise<void> = recordEpoch(prisma, benchLease(runId), plausibleMetrics(runId, epoch))
      .then(() => {
        const committedAt = nowMs();
        commits.push([`${runId}:${epoch}`, committedAt]);
        durations.push(committedAt - began);
      })
      .catch((error: unknown) => {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    issued += 1;
  }
  await Promise.all(inFlight);
  const last = commits.reduce((latest, [, at]) => Math.max(latest, at), start);
  return {
    commits,
    achievedRate: commits.length / Math.max((last - start) / 1000, 1e-3),
    writeLatency: summarizeLatencies(durations),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** Metrics shaped like a real epoch's: a learning curve with a little per-run jitter. */
function plausibleMetrics(runId: number, epoch: number) {
  const accuracy = Math.min(0.99, 0.1 + 0.8 * (1 - Math.exp(-epoch / 10)) + ((runId * 7919) % 100) / 10_000);
  const loss = -Math.log(accuracy) * 1.1;
  return {
    epoch,
    loss,
    accuracy,
    valLoss: loss * 1.08,
    valAccuracy: accuracy - 0.02,
    durationMs: 3000 + (runId % 50) * 20,
    imagesPerSecond: 650 + (runId % 50),
  };
}
