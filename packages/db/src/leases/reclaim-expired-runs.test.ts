import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EpochMetrics } from '@sweepscope/core';
import { recordEpoch } from '../runs/record-epoch.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, queryDatabase, useTestDatabase } from '../testing/index.js';
import { reclaimExpiredRuns } from './reclaim-expired-runs.js';
import { reclaimWorkerRuns } from './reclaim-worker-runs.js';
import { renewLease } from './renew-lease.js';

function metrics(epoch: number): EpochMetrics {
  return { epoch, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, durationMs: 10, imagesPerSecond: 100 };
}

const settings = { leaseMs: 3000, maxCrashes: 3 };

describe('reclaiming runs from lost workers', () => {
  const database = useTestDatabase();

  async function createRuns(cells: string) {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells }, createdBy: 'test' });
    return sweep.runs;
  }

  /** Locks the run's queue job as graphile-worker's get_job does for a worker that then died. */
  async function lockJobAsDeadWorker(runId: number, workerId: string): Promise<void> {
    await queryDatabase(database.url, `UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now(), attempts = 1 WHERE key = $1`, [
      `run:${runId}`,
      workerId,
    ]);
  }

  const expireLease = (runId: number) =>
    queryDatabase(database.url, `UPDATE "Run" SET "leaseExpiresAt" = timezone('UTC', now()) - interval '1 second' WHERE id = $1`, [runId]);

  const jobOf = async (runId: number) =>
    (
      await queryDatabase<{ id: string; locked_by: string | null; attempts: number }>(
        database.url,
        `SELECT id, locked_by, attempts FROM graphile_worker.jobs WHERE key = $1`,
        [`run:${runId}`],
      )
    )[0];

  it('queues a run whose lease ran out to resume on the same attempt, keeps why, and frees its queue job', async () => {
    const [lost, alive] = await createRuns('8:0.1,16:0.1');
    assert.ok(lost && alive);
    const lease = await claimTestRun(database.prisma, lost.id, 'host-a:111');
    await claimTestRun(database.prisma, alive.id, 'host-b:222');
    await lockJobAsDeadWorker(lost.id, 'worker-dead');
    const deadJob = await jobOf(lost.id);
    await recordEpoch(database.prisma, lease, metrics(1), { weights: new Uint8Array([1]), state: {} });
    await recordEpoch(database.prisma, lease, metrics(2), { weights: new Uint8Array([2]), state: {} });
    await expireLease(lost.id);

    const { runs: reclaimed } = await reclaimExpiredRuns(database.prisma, settings);
    assert.deepEqual(
      reclaimed.map(({ runId, status, epochsDone, worker }) => ({ runId, status, epochsDone, worker })),
      [{ runId: lost.id, status: 'queued', epochsDone: 2, worker: 'host-a:111' }],
    );
    assert.match(reclaimed[0]?.reason ?? '', /^host-a:111 stopped answering: no heartbeat since .*, and its lease ran out at /);
    const run = await database.prisma.run.findUniqueOrThrow({ where: { id: lost.id } });
    assert.deepEqual(
      { status: run.status, attempt: run.attempt, worker: run.worker, leaseToken: run.leaseToken },
      { status: 'queued', attempt: 1, worker: null, leaseToken: null },
    );
    const job = await jobOf(lost.id);
    assert.ok(job, 'the run has a queue job');
    assert.notEqual(job.id, deadJob?.id, "a new job, which the dead worker's late completion cannot delete");
    assert.deepEqual({ locked_by: job.locked_by, attempts: job.attempts }, { locked_by: null, attempts: 0 });
    assert.equal((await database.prisma.run.findUniqueOrThrow({ where: { id: alive.id } })).status, 'running', 'a live lease is left alone');

    const successor = await claimTestRun(database.prisma, lost.id, 'host-c:333');
    const [interruption] = await database.prisma.runInterruption.findMany({ where: { runId: lost.id } });
    assert.deepEqual(
      { kind: interruption?.kind, worker: interruption?.worker, epochsDone: interruption?.epochsDone, resumedBy: interruption?.resumedBy },
      { kind: 'reclaimed', worker: 'host-a:111', epochsDone: 2, resumedBy: 'host-c:333' },
    );
    assert.equal(await renewLease(database.prisma, lease), false, 'the old worker learns it lost the run');
    assert.equal(await renewLease(database.prisma, successor), true);
    assert.deepEqual(await reclaimExpiredRuns(database.prisma, settings), { runs: [], strandedJobs: [] }, 'nothing more to take back');
  });

  it('fails a run that lost its worker in the same epoch as often as allowed, and counts only losses in a row in one epoch', async () => {
    const [run] = await createRuns('8:0.1');
    assert.ok(run);
    const loseWorker = async (epochsToStore: number[]) => {
      const lease = await claimTestRun(database.prisma, run.id, `host:${epochsToStore.join('')}`);
      for (const epoch of epochsToStore) await recordEpoch(database.prisma, lease, metrics(epoch));
      await expireLease(run.id);
      const [reclaimed] = (await reclaimExpiredRuns(database.prisma, settings)).runs;
      return reclaimed?.status;
    };
    assert.equal(await loseWorker([]), 'queued', 'lost in epoch 1, once');
    assert.equal(await loseWorker([]), 'queued', 'lost in epoch 1, twice');
    assert.equal(await loseWorker([1]), 'queued', 'progress: lost in epoch 2, once');
    assert.equal(await loseWorker([]), 'queued', 'lost in epoch 2, twice');
    assert.equal(await loseWorker([]), 'failed', 'lost in epoch 2 a third time');
    const failed = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /^Its worker was lost 3 times in a row in epoch 2, the last time because host: stopped answering/);
    assert.equal(await jobOf(run.id), undefined, 'its job is gone');
  });

  it('frees the job of a queued run that a lost worker took from the queue but never started, once a lease has passed', async () => {
    const [stranded, fresh] = await createRuns('8:0.1,16:0.1');
    assert.ok(stranded && fresh);
    await lockJobAsDeadWorker(stranded.id, 'worker-died-after-taking-the-job');
    await lockJobAsDeadWorker(fresh.id, 'worker-starting-it-now');
    await queryDatabase(database.url, `UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '4 seconds' WHERE key = $1`, [
      `run:${stranded.id}`,
    ]);
    const deadJob = await jobOf(stranded.id);

    assert.deepEqual(await reclaimExpiredRuns(database.prisma, settings), { runs: [], strandedJobs: [stranded.id] });
    const job = await jobOf(stranded.id);
    assert.ok(job && job.id !== deadJob?.id);
    assert.deepEqual({ locked_by: job.locked_by, attempts: job.attempts }, { locked_by: null, attempts: 0 });
    assert.equal((await jobOf(fresh.id))?.locked_by, 'worker-starting-it-now', 'a job locked a moment ago is left to its worker');
    assert.equal((await database.prisma.run.findUniqueOrThrow({ where: { id: stranded.id } })).status, 'queued');
  });

  it('gives a new job to a queued run whose job ran out of attempts at claiming it', async () => {
    const [run] = await createRuns('8:0.1');
    assert.ok(run);
    await queryDatabase(database.url, `UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = 'database away' WHERE key = $1`, [
      `run:${run.id}`,
    ]);
    assert.deepEqual((await reclaimExpiredRuns(database.prisma, settings)).strandedJobs, [run.id]);
    assert.deepEqual((await jobOf(run.id))?.attempts, 0);
  });

  it('takes back at once every run of a worker whose process died, with how it died', async () => {
    const [first, other] = await createRuns('8:0.1,16:0.1');
    assert.ok(first && other);
    await claimTestRun(database.prisma, first.id, 'host:7');
    await claimTestRun(database.prisma, other.id, 'host:8');
    const reclaimed = await reclaimWorkerRuns(database.prisma, 'host:7', 'the worker process 7 exited with signal SIGKILL', 3);
    assert.deepEqual(
      reclaimed.map(({ runId, status, reason }) => ({ runId, status, reason })),
      [{ runId: first.id, status: 'queued', reason: 'the worker process 7 exited with signal SIGKILL' }],
    );
    assert.equal((await database.prisma.run.findUniqueOrThrow({ where: { id: other.id } })).status, 'running');
    assert.deepEqual(await reclaimWorkerRuns(database.prisma, 'host:7', 'again', 3), []);
  });
});
