import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { startTestServer, type TestServer } from '@sweepscope/db/testing';
import { canMakeNamespaces, makeTestHost, type TestHost } from '../support/network-namespace.js';
import { repositoryRoot, startService, type Service } from '../support/start-service.js';
import { waitFor } from '../support/wait-for.js';
import { crashEpochs, createCrashSweep, leaseEnv, startCrashWorker, trainUninterrupted, waitForSuccess } from './crash-sweep.js';
import { epochNumbers, readLoggedEpochs, readTrainedEpochs } from './run-record.js';

// Namespaces need root, as CI has; elsewhere the suite says why it did not run.
const skip = (await canMakeNamespaces()) ? false : 'needs root and iproute2 to make network namespaces (CI has both)';

describe('a worker on another host that loses the network', { skip }, () => {
  let db: TestServer | undefined;
  let prisma: PrismaClient;
  let host: TestHost | undefined;
  const workers: Service[] = [];

  before(async () => {
    host = await makeTestHost();
    // A server of the test's own, listening on this side of the link, so that a cut is
    // seen by PostgreSQL's own TCP stack as it would be across machines.
    db = await startTestServer({ alsoListen: { address: host.hostSideAddress, network: host.network } });
    prisma = createPrisma(db.url);
  });
  after(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await prisma?.$disconnect();
    await db?.stop();
    await host?.remove();
  });

  it(
    'has its run taken over on this side when its link is cut, drops it, and none of its late writes lands once the link is back',
    { timeout: 300_000 },
    async (t) => {
      const reference = await trainUninterrupted(prisma, db!.url);
      const { sweepId, runId } = await createCrashSweep(prisma, 'partitioned');
      const remote = await startService({
        command: 'ip',
        args: ['netns', 'exec', host!.name, process.execPath, 'packages/trainer/dist/cli/main.js', 'worker', '--sweep', String(sweepId), '--backend', 'wasm'],
        env: { DATABASE_URL: db!.urlOn(host!.hostSideAddress), ...leaseEnv },
        cwd: repositoryRoot,
        ready: async (output) => output().includes('ready on'),
      });
      workers.push(remote);
      await waitFor(
        'the remote worker to store an epoch',
        async () => {
          const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
          return run.worker?.endsWith(`:${remote.pid}`) && (await prisma.epoch.count({ where: { runId } })) >= 1;
        },
        120_000,
        20,
      );
      const local = await startCrashWorker(db!.url, sweepId);
      workers.push(local);

      await host!.cut();
      const cutAt = Date.now();
      await waitFor(
        'the local worker to take the run over',
        async () => (await prisma.run.findUniqueOrThrow({ where: { id: runId } })).worker?.endsWith(`:${local.pid}`),
        60_000,
      );
      const secondsToTakeOver = (Date.now() - cutAt) / 1000;
      t.diagnostic(`taken over ${secondsToTakeOver} s after the cut`);
      // The lease (3 s), a look by a reclaimer (1 s), a poll (1 s); plus, when the cut caught a
      // write in flight, the server's idle-in-transaction limit (5 s) before it frees the row.
      assert.ok(secondsToTakeOver < 3 + 1 + 1 + 5 + 3, `taken over ${secondsToTakeOver} s after the cut`);
      const [interruption] = await prisma.runInterruption.findMany({ where: { runId } });
      assert.ok(interruption);
      await waitFor(
        'the local worker to store an epoch of its own',
        async () => (await prisma.epoch.count({ where: { runId } })) > interruption.epochsDone,
        60_000,
      );

      await host!.restore();
      // Its writes hung in the cut; once they went unanswered for a lease, or were refused
      // after the link came back, it dropped the run. None of them landed: see the epochs below.
      await waitFor('the cut-off worker to drop the run', async () => new RegExp(`run ${runId}: .*dropping it`).test(remote.output()), 60_000).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\nthe cut-off worker said:\n${remote.output()}`);
        },
      );
      await waitForSuccess(prisma, runId);
      const finished = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
      assert.ok(finished.worker?.endsWith(`:${local.pid}`), `finished by ${finished.worker}`);
      assert.deepEqual(
        [...(await readLoggedEpochs(prisma, runId))].sort((a, b) => a - b),
        epochNumbers(crashEpochs),
        'one write per epoch number',
      );
      assert.deepEqual(await readTrainedEpochs(prisma, runId), reference, 'the same numbers as without the partition');
    },
  );
});
