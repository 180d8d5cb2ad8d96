import type { PrismaClient } from '../generated/prisma/client.js';

/** What a run needs to go on from the end of an epoch as if it had never stopped. */
export interface RunCheckpoint {
  /** The finished epoch the weights are the result of, 1-based. */
  epoch: number;
  /** Every model weight as little-endian float32 bytes, in the model's weight order. */
  weights: Uint8Array;
  /** The trainer's own description of the rest of the state (JSON); only it reads this. */
  state: unknown;
}

/** The newest checkpoint of a run, or null when it has finished no epoch yet. */
export async function readCheckpoint(prisma: PrismaClient, runId: number): Promise<RunCheckpoint | null> {
  const row = await prisma.checkpoint.findUnique({ where: { runId } });
  return row === null ? null : { epoch: row.epoch, weights: row.weights, state: row.state };
}
