import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import type { Service } from '../support/start-service.js';
import { waitFor } from '../support/wait-for.js';
import { crashEpochs, createCrashSweep, startCrashWorker, trainUninterrupted, waitForSuccess } from './crash-sweep.js';
import { epochNumbers, readLoggedEpochs, readTrainedEpochs, type TrainedEpoch } from './run-record.js';

describe('a worker that crashes, pauses or comes back late', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const workers: Service[] = [];
  /** The epochs of the same run trained without interruption. */
  let reference: TrainedEpoch[];

  const startWorker = async (sweepId: number): Promise<Service> => {
    const worker = await startCrashWorker(db.url, sweepId);
    workers.push(worker);
    return worker;
  };
  const epochsStored = async (runId: number) => prisma.epoch.count({ where: { runId } });

  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
    reference = await trainUninterrupted(prisma, db.url);
    assert.equal(reference.length, crashEpochs);
  });
  after(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await prisma.$disconnect();
    await db.drop();
  });

  it('has its run taken over within a lease after kill -9, resumed from its checkpoint to the same numbers', { timeout: 180_000 }, async (t) => {
    const { sweepId, runId } = await createCrashSweep(prisma, 'killed');
    const victim = await startWorker(sweepId);
    await waitFor('two stored epochs', async () => (await epochsStored(runId)) >= 2, 120_000, 20);
    const successor = await startWorker(sweepId);
    await victim.kill();
    const killedAt = Date.now();

    const resumed = await waitFor(
      'another worker to take the run',
      async () => {
        const now = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
        return now.status === 'running' && now.worker !== null && now.worker.endsWith(`:${successor.pid}`) && now;
      },
      30_000,
    );
    const secondsToResume = (Date.now() - killedAt) / 1000;
    t.diagnostic(`resumed ${secondsToResume} s after the kill`);
    // A lease of 3 s, a reclaimer looking every second, the successor polling every second.
    assert.ok(secondsToResume < 3 + 1 + 1 + 3, `resumed ${secondsToResume} s after the kill`);
    assert.equal(resumed.attempt, 1, 'the same attempt goes on');

    await waitForSuccess(prisma, runId);
    const [interruption, ...more] = await prisma.runInterruption.findMany({ where: { runId } });
    assert.equal(more.length, 0);
    assert.equal(interruption?.kind, 'reclaimed');
    assert.ok(interruption.worker?.endsWith(`:${victim.pid}`) && interruption.resumedBy?.endsWith(`:${successor.pid}`), JSON.stringify(interruption));
    assert.match(interruption.reason, /stopped answering: no heartbeat since .*, and its lease ran out at/);
    assert.deepEqual(
      [...(await readLoggedEpochs(prisma, runId))].sort((a, b) => a - b),
      epochNumbers(crashEpochs),
      'each epoch stored once',
    );
    assert.deepEqual(await readTrainedEpochs(prisma, runId), reference, 'the same numbers as without the crash');
  });

  it('refuses and counts the writes of a paused worker whose run was taken over, and keeps one epoch per epoch number', { timeout: 180_000 }, async () => {
    const { sweepId, runId } = await createCrashSweep(prisma, 'paused');
    const stale = await startWorker(sweepId);
    await waitFor('a stored epoch', async () => (await epochsStored(runId)) >= 1, 120_000, 20);
    stale.signal('SIGSTOP');
    const successor = await startWorker(sweepId);
    await waitFor(
      'the successor to store an epoch of its own',
      async () => {
        const now = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
        const [interruption] = await prisma.runInterruption.findMany({ where: { runId } });
        return now.worker?.endsWith(`:${successor.pid}`) && interruption && (await epochsStored(runId)) > interruption.epochsDone;
      },
      60_000,
      50,
    );
    stale.signal('SIGCONT');

    const refused = await waitFor('the stale worker to say its writes were refused', async () => /writes refused so far: (\d+)/.exec(stale.output()), 30_000);
    assert.ok(Number(refused[1]) >= 1);
    assert.match(stale.output(), new RegExp(`run ${runId}: .*dropping it`));
    await waitForSuccess(prisma, runId);
    const finished = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    assert.ok(finished.worker?.endsWith(`:${successor.pid}`), `finished by ${finished.worker}`);
    assert.deepEqual(
      [...(await readLoggedEpochs(prisma, runId))].sort((a, b) => a - b),
      epochNumbers(crashEpochs),
      'one write per epoch number',
    );
    assert.deepEqual(await readTrainedEpochs(prisma, runId), reference);
    assert.equal(stale.output().includes('ready on'), true, 'the stale worker is still alive, ready for other runs');
  });
});
