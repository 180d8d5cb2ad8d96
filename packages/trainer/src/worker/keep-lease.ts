import type { PrismaClient } from '@sweepscope/db';
import { coerceError } from '@sweepscope/db/errors';
import { renewLease, type RunLease } from '@sweepscope/db/leases';

/** Options of {@link keepLease}. */
export interface KeepLeaseOptions {
  prisma: PrismaClient;
  lease: RunLease;
  /** How often to renew, in ms: well inside the lease. */
  heartbeatMs: number;
  /** Called once when a renewal is refused: the run was cancelled or taken over. */
  onLost: () => void;
  /** Hears a renewal that failed (the database away); the next beat tries again. */
  onError: (error: Error) => void;
}

/**
 * Renews a run's lease every `heartbeatMs` while it trains, between batches too: a batch or
 * a validation pass can outlast a progress report's interval. Training yields to the event
 * loop between batches, so a batch longer than the lease loses it; the lease must outlast
 * the longest batch.
 * @returns the function that stops renewing
 */
export function keepLease(options: KeepLeaseOptions): () => void {
  let renewing = false;
  let lost = false;
  const timer = setInterval(() => {
    if (renewing || lost) return;
    renewing = true;
    renewLease(options.prisma, options.lease)
      .then((held) => {
        if (held || lost) return;
        lost = true;
        options.onLost();
      })
      .catch((error: unknown) => options.onError(coerceError(error)))
      .finally(() => {
        renewing = false;
      });
  }, options.heartbeatMs);
  return () => clearInterval(timer);
}
