import { coerceError } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { resolveLeaseSettings, type LeaseSettings } from './lease-settings.js';
import { reclaimExpiredRuns } from './reclaim-expired-runs.js';
import type { ReclaimedRun } from './reclaim-run.js';

/** Options of {@link startReclaimer}. */
export interface StartReclaimerOptions {
  prisma: PrismaClient;
  /** @default the environment's lease settings */
  settings?: LeaseSettings;
  /** Hears each run taken back. @default nothing */
  onReclaim?: (run: ReclaimedRun) => void;
  /** Hears each queued run whose job a lost worker held and which was freed. @default nothing */
  onFreedJob?: (runId: number) => void;
  /** Hears a failed look (the database away, say); the next look comes all the same. @default writes to stderr */
  onError?: (error: Error) => void;
}

/** A running reclaimer. */
export interface Reclaimer {
  /** Stops looking, after the look in progress, if any. */
  stop(): Promise<void>;
}

/**
 * Looks for runs whose lease ran out once per heartbeat interval, and takes them back (see
 * {@link reclaimExpiredRuns}). Every worker and every API server runs one, so whatever is
 * alive notices a lost worker within one heartbeat of its lease running out.
 */
export function startReclaimer(options: StartReclaimerOptions): Reclaimer {
  const { prisma } = options;
  const settings = options.settings ?? resolveLeaseSettings();
  const onError = options.onError ?? ((error) => process.stderr.write(`reclaimer: ${error.message}\n`));
  let looking: Promise<void> = Promise.resolve();
  const look = async (): Promise<void> => {
    try {
      const { runs, strandedJobs } = await reclaimExpiredRuns(prisma, settings);
      for (const run of runs) options.onReclaim?.(run);
      for (const runId of strandedJobs) options.onFreedJob?.(runId);
    } catch (error) {
      onError(coerceError(error));
    }
  };
  const timer = setInterval(() => {
    looking = looking.then(look);
  }, settings.heartbeatMs);
  return {
    async stop() {
      clearInterval(timer);
      await looking;
    },
  };
}
