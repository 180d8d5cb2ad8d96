import type { PrismaClient } from '@sweepscope/db';
import { createSweep } from '@sweepscope/db/sweeps';
import type { Service } from '../support/start-service.js';
import { startWorkerProcess } from '../support/start-stack.js';
import { waitFor } from '../support/wait-for.js';
import { readTrainedEpochs, type TrainedEpoch } from './run-record.js';

/** Short leases, so a lost worker is noticed in seconds: 3 s, renewed every second. */
export const leaseEnv = { SWEEPSCOPE_LEASE_MS: '3000', SWEEPSCOPE_HEARTBEAT_MS: '1000' };

/** Epochs of the crash tests' one-run sweeps. */
export const crashEpochs = 8;

/**
 * Makes a sweep of one run of about a second an epoch on the WebAssembly backend, the
 * same run (cell and seed) each time.
 * @returns its id and its run's id
 */
export async function createCrashSweep(prisma: PrismaClient, name: string): Promise<{ sweepId: number; runId: number }> {
  const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.05', trainLimit: 128, epochs: crashEpochs, name }, createdBy: 'test' });
  return { sweepId: sweep.id, runId: sweep.runs[0]!.id };
}

/** Starts a worker for one sweep's runs, with the short leases. */
export function startCrashWorker(databaseUrl: string, sweepId: number): Promise<Service> {
  return startWorkerProcess(databaseUrl, { sweepId, backend: 'wasm', env: leaseEnv });
}

/** Waits until a run has ended with `succeeded`. */
export async function waitForSuccess(prisma: PrismaClient, runId: number): Promise<void> {
  await waitFor(`run ${runId} to succeed`, async () => (await prisma.run.findUniqueOrThrow({ where: { id: runId } })).status === 'succeeded', 120_000);
}

/** Trains the crash tests' run once, without interruption, and returns its epochs: what every interrupted one must match. */
export async function trainUninterrupted(prisma: PrismaClient, databaseUrl: string): Promise<TrainedEpoch[]> {
  const { sweepId, runId } = await createCrashSweep(prisma, 'uninterrupted');
  const worker = await startCrashWorker(databaseUrl, sweepId);
  try {
    await waitForSuccess(prisma, runId);
  } finally {
    await worker.stop();
  }
  return readTrainedEpochs(prisma, runId);
}
