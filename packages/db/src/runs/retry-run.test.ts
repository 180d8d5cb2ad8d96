import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EpochMetrics, ErrorCode } from '@sweepscope/core';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, queryDatabase, useTestDatabase } from '../testing/index.js';
import { cancelRun } from './cancel-run.js';
import { finishRun } from './finish-run.js';
import { readEpochsById } from './read-epochs-by-id.js';
import { recordEpoch } from './record-epoch.js';
import { retryRun } from './retry-run.js';

function metrics(epoch: number, valAccuracy: number): EpochMetrics {
  return { epoch, loss: 1 / epoch, accuracy: 0.5, valLoss: 2, valAccuracy, durationMs: 100, imagesPerSecond: 10 * epoch };
}

describe('retryRun and cancelRun', () => {
  const database = useTestDatabase();

  async function createRun() {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    return sweep.runs[0]!;
  }

  const jobsOf = (runId: number) => queryDatabase(database.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = $1`, [`run:${runId}`]);

  /** A run that stored two epochs, with a checkpoint, then failed; its job done. */
  async function createFailedRun() {
    const run = await createRun();
    const lease = await claimTestRun(database.prisma, run.id);
    await recordEpoch(database.prisma, lease, metrics(1, 0.2), { weights: new Uint8Array(4), state: {} });
    await recordEpoch(database.prisma, lease, metrics(2, 0.3), { weights: new Uint8Array(4), state: {} });
    await finishRun(database.prisma, lease, 'failed', 'out of memory');
    await queryDatabase(database.url, `SELECT graphile_worker.remove_job($1)`, [`run:${run.id}`]);
    assert.deepEqual(await jobsOf(run.id), [], "the failed attempt's job is done");
    return run;
  }

  it('resumes a failed run from its checkpoint on the same attempt by default, keeping its epochs and noting the retry', async () => {
    const run = await createFailedRun();
    const retried = await retryRun(database.prisma, run.id);
    assert.deepEqual(
      { status: retried.status, attempt: retried.attempt, error: retried.error, finishedAt: retried.finishedAt },
      { status: 'queued', attempt: 1, error: null, finishedAt: null },
    );
    assert.equal((await jobsOf(run.id)).length, 1, 'the run is back on the queue');
    assert.equal(await database.prisma.checkpoint.count({ where: { runId: run.id } }), 1, 'the checkpoint is kept to resume from');
    const [interruption] = await database.prisma.runInterruption.findMany({ where: { runId: run.id } });
    assert.deepEqual(
      {
        kind: interruption?.kind,
        attempt: interruption?.attempt,
        epochsDone: interruption?.epochsDone,
        reason: interruption?.reason,
        resumedBy: interruption?.resumedBy,
      },
      { kind: 'retried', attempt: 1, epochsDone: 2, reason: 'retried after it failed, keeping its epochs', resumedBy: null },
    );

    const lease = await claimTestRun(database.prisma, run.id, 'worker-2');
    await recordEpoch(database.prisma, lease, metrics(3, 0.6));
    const epochs = await database.prisma.epoch.findMany({ where: { runId: run.id }, orderBy: [{ attempt: 'asc' }, { epoch: 'asc' }] });
    assert.deepEqual(
      epochs.map((e) => [e.attempt, e.epoch, e.valAccuracy]),
      [
        [1, 1, 0.2],
        [1, 2, 0.3],
        [1, 3, 0.6],
      ],
    );
    assert.equal((await database.prisma.runInterruption.findFirstOrThrow({ where: { runId: run.id } })).resumedBy, 'worker-2');
  });

  it("queues a failed run again from scratch as its next attempt when asked, keeping the first attempt's epochs apart", async () => {
    const run = await createFailedRun();
    const retried = await retryRun(database.prisma, run.id, { fromScratch: true });
    assert.deepEqual(
      { status: retried.status, attempt: retried.attempt, error: retried.error, finishedAt: retried.finishedAt },
      { status: 'queued', attempt: 2, error: null, finishedAt: null },
    );
    assert.equal((await jobsOf(run.id)).length, 1, 'the run is back on the queue');
    assert.equal(await database.prisma.checkpoint.count({ where: { runId: run.id } }), 0, 'the retry trains from the start');

    await recordEpoch(database.prisma, await claimTestRun(database.prisma, run.id), metrics(1, 0.6));
    const epochs = await database.prisma.epoch.findMany({ where: { runId: run.id }, orderBy: [{ attempt: 'asc' }, { epoch: 'asc' }] });
    assert.deepEqual(
      epochs.map((e) => [e.attempt, e.epoch, e.valAccuracy]),
      [
        [1, 1, 0.2],
        [1, 2, 0.3],
        [2, 1, 0.6],
      ],
    );
    const stored = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    const [latest] = await readEpochsById(database.prisma, [stored.latestEpochId ?? 0]);
    assert.deepEqual({ done: stored.epochsDone, latest: latest?.valAccuracy }, { done: 1, latest: 0.6 }, "the run's digest reads the current attempt");
  });

  it('refuses to retry a run that is queued, running or succeeded, and changes nothing', async () => {
    const run = await createRun();
    await assert.rejects(retryRun(database.prisma, run.id), {
      code: ErrorCode.Conflict,
      message: /is queued: only a failed, diverged or cancelled run can be retried/,
    });
    const lease = await claimTestRun(database.prisma, run.id);
    await assert.rejects(retryRun(database.prisma, run.id), { code: ErrorCode.Conflict, message: /is running/ });
    await finishRun(database.prisma, lease, 'succeeded');
    await assert.rejects(retryRun(database.prisma, run.id), { code: ErrorCode.Conflict, message: /is succeeded/ });
    const stored = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    assert.deepEqual({ status: stored.status, attempt: stored.attempt }, { status: 'succeeded', attempt: 1 });
  });

  it('cancels a queued run and takes it off the queue, then lets it be retried', async () => {
    const run = await createRun();
    const cancelled = await cancelRun(database.prisma, run.id);
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(await jobsOf(run.id), []);
    await assert.rejects(cancelRun(database.prisma, run.id), {
      code: ErrorCode.Conflict,
      message: /is cancelled: only a queued or running run can be cancelled/,
    });
    assert.deepEqual(await retryRun(database.prisma, run.id).then(({ status, attempt }) => ({ status, attempt })), { status: 'queued', attempt: 1 });
  });

  it('says NOT_FOUND for a run that does not exist', async () => {
    await assert.rejects(retryRun(database.prisma, 999_999), { code: ErrorCode.NotFound, message: /Run 999999 does not exist/ });
    await assert.rejects(cancelRun(database.prisma, 999_999), { code: ErrorCode.NotFound });
  });

  it('refuses to change a run of a read-only sweep', async () => {
    const run = await createRun();
    await database.prisma.sweep.update({ where: { id: run.sweepId }, data: { readOnly: true } });
    await assert.rejects(cancelRun(database.prisma, run.id), { code: ErrorCode.Conflict, message: /read-only/ });
    assert.equal((await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status, 'queued');
  });
});
