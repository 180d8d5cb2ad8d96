import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { createSweep } from '@sweepscope/db/sweeps';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import type { Service } from '../support/start-service.js';
import { startWorkerProcess } from '../support/start-stack.js';
import { waitFor } from '../support/wait-for.js';
import { epochNumbers, readLoggedEpochs, readTrainedEpochs } from './run-record.js';

/** Short leases, so a lost worker is noticed in seconds: 3 s, renewed every second. */
const leaseEnv = { SWEEPSCOPE_LEASE_MS: '3000', SWEEPSCOPE_HEARTBEAT_MS: '1000' };
const epochs = 8;
/** One run of about a second an epoch on the WebAssembly backend. */
const sweepInput = { preset: 'smoke', cells: '8:0.05', trainLimit: 128, epochs } as const;

describe('a worker that crashes, pauses or comes back late', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const workers: Service[] = [];
  /** The epochs of the same run trained without interruption. */
  let reference: Awaited<ReturnType<typeof readTrainedEpochs>>;

  const startWorker = async (sweepId: number): Promise<Service> => {
    const worker = await startWorkerProcess(db.url, { sweepId, backend: 'wasm', env: leaseEnv });
    workers.push(worker);
    return worker;
  };
  const runOf = async (sweepId: number) => prisma.run.findFirstOrThrow({ where: { sweepId } });
  const epochsStored = async (runId: number) => prisma.epoch.count({ where: { runId } });

  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
    const sweep = await createSweep(prisma, { input: { ...sweepInput, name: 'uninterrupted' }, createdBy: 'test' });
    const worker = await startWorker(sweep.id);
    const run = await runOf(sweep.id);
    await waitFor('the uninterrupted run to succeed', async () => (await prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status === 'succeeded', 120_000);
    await worker.stop();
    reference = await readTrainedEpochs(prisma, run.id);
    assert.equal(reference.length, epochs);
  });
  after(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await prisma.$disconnect();
    await db.drop();
  });

  it('has its run taken over within a lease after kill -9, resumed from its checkpoint to the same numbers', { timeout: 180_000 }, async () => {
    const sweep = await createSweep(prisma, { input: { ...sweepInput, name: 'killed' }, createdBy: 'test' });
    const victim = await startWorker(sweep.id);
    const run = await runOf(sweep.id);
    await waitFor('two stored epochs', async () => (await epochsStored(run.id)) >= 2, 120_000, 20);
    const successor = await startWorker(sweep.id);
    await victim.kill();
    const killedAt = Date.now();

    const resumed = await waitFor('another worker to take the run', async () => {
      const now = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
      return now.status === 'running' && now.worker !== null && now.worker.endsWith(`:${successor.pid}`) && now;
    }, 30_000);
    const secondsToResume = (Date.now() - killedAt) / 1000;
    // A lease of 3 s, a reclaimer looking every second, the successor polling every second.
    assert.ok(secondsToResume < 3 + 1 + 1 + 3, `resumed ${secondsToResume} s after the kill`);
    assert.equal(resumed.attempt, 1, 'the same attempt goes on');

    await waitFor('the run to succeed', async () => (await prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status === 'succeeded', 120_000);
    const [interruption, ...more] = await prisma.runInterruption.findMany({ where: { runId: run.id } });
    assert.equal(more.length, 0);
    assert.equal(interruption?.kind, 'reclaimed');
    assert.ok(interruption.worker?.endsWith(`:${victim.pid}`) && interruption.resumedBy?.endsWith(`:${successor.pid}`), JSON.stringify(interruption));
    assert.match(interruption.reason, /stopped answering: no heartbeat since .*, and its lease ran out at/);
    assert.deepEqual([...(await readLoggedEpochs(prisma, run.id))].sort((a, b) => a - b), epochNumbers(epochs), 'each epoch stored once');
    assert.deepEqual(await readTrainedEpochs(prisma, run.id), reference, 'the same numbers as without the crash');
  });

  it('refuses and counts the writes of a paused worker whose run was taken over, and keeps one epoch per epoch number', { timeout: 180_000 }, async () => {
    const sweep = await createSweep(prisma, { input: { ...sweepInput, name: 'paused' }, createdBy: 'test' });
    const stale = await startWorker(sweep.id);
    const run = await runOf(sweep.id);
    await waitFor('a stored epoch', async () => (await epochsStored(run.id)) >= 1, 120_000, 20);
    stale.signal('SIGSTOP');
    const successor = await startWorker(sweep.id);
    const stored = await waitFor('the successor to store an epoch of its own', async () => {
      const now = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
      const [interruption] = await prisma.runInterruption.findMany({ where: { runId: run.id } });
      const count = await epochsStored(run.id);
      return now.worker?.endsWith(`:${successor.pid}`) && interruption && count > interruption.epochsDone && count;
    }, 60_000, 50);
    stale.signal('SIGCONT');

    const refused = await waitFor('the stale worker to say its writes were refused', async () => /writes refused so far: (\d+)/.exec(stale.output()), 30_000);
    assert.ok(Number(refused[1]) >= 1);
    assert.match(stale.output(), new RegExp(`run ${run.id}: .*dropping it`));
    await waitFor('the run to succeed', async () => (await prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status === 'succeeded', 120_000);
    assert.ok(stored >= 2);
    const finished = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    assert.ok(finished.worker?.endsWith(`:${successor.pid}`), `finished by ${finished.worker}`);
    assert.deepEqual([...(await readLoggedEpochs(prisma, run.id))].sort((a, b) => a - b), epochNumbers(epochs), 'one write per epoch number');
    assert.deepEqual(await readTrainedEpochs(prisma, run.id), reference);
    assert.equal(stale.output().includes('ready on'), true, 'the stale worker is still alive, ready for other runs');
  });
});
