import type { Prisma } from '../generated/prisma/client.js';

/** The job queue's task that trains one run; its payload is {@link TrainRunPayload}. */
export const trainRunTask = 'train-run';

/**
 * The flag every job of a sweep carries, so that a worker can be kept to one sweep
 * (graphile-worker's `forbiddenFlags`).
 */
export function sweepFlag(sweepId: number): string {
  return `sweep:${sweepId}`;
}

/** Payload of a {@link trainRunTask} job. */
export interface TrainRunPayload {
  runId: number;
}

/**
 * Queues a run for the workers inside the caller's transaction, so a run row and its job
 * exist together or not at all. One job per run: the job key makes a second enqueue of a
 * run that is still waiting replace the first instead of doubling it.
 * @param place the run's place among the runs queued in this transaction, 0 first: workers
 *   take jobs by time due, and every job queued in one transaction is due at the same `now()`,
 *   so each place is due a microsecond after the one before
 * @default place 0
 */
export async function enqueueRun(tx: Prisma.TransactionClient, run: { id: number; sweepId: number }, place = 0): Promise<void> {
  const runId = run.id;
  const payload: TrainRunPayload = { runId };
  // The task records a run that fails in training as failed itself, with its error: retrying
  // that is a person's decision (retryRun). It throws only when it could not claim the run
  // (the database away, a lock held by a lost worker), and then the queue tries again, with
  // its growing delay, up to graphile-worker's usual 25 attempts.
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${trainRunTask}, ${JSON.stringify(payload)}::json, job_key := ${`run:${runId}`}, max_attempts := 25,
    run_at := now() + ${place} * interval '1 microsecond',
    flags := ARRAY[${sweepFlag(run.sweepId)}])`;
}
