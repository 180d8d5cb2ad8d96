import type { Prisma } from '../generated/prisma/client.js';
import type { InterruptionKind } from '../generated/prisma/enums.js';

/** What {@link recordInterruption} needs to know of the run. */
export interface InterruptedRun {
  id: number;
  attempt: number;
  worker: string | null;
  heartbeatAt: Date | null;
}

/**
 * Keeps one interruption of a run's attempt, with how many of its epochs were stored by then
 * (the highest epoch number: a resumed run goes on from there).
 * @param tx the transaction that queues the run again (or fails it)
 * @returns the epochs done
 */
export async function recordInterruption(tx: Prisma.TransactionClient, run: InterruptedRun, kind: InterruptionKind, reason: string): Promise<number> {
  const { _max } = await tx.epoch.aggregate({ where: { runId: run.id, attempt: run.attempt }, _max: { epoch: true } });
  const epochsDone = _max.epoch ?? 0;
  await tx.runInterruption.create({
    data: { runId: run.id, kind, attempt: run.attempt, worker: run.worker, lastHeartbeatAt: run.heartbeatAt, epochsDone, reason },
  });
  return epochsDone;
}
