import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { finishRun, recordEpoch } from '@sweepscope/db/runs';
import { claimTestRun, createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { postGraphQL, type GraphQLResponse } from '../support/post-graphql.js';
import { startStack, type Stack } from '../support/start-stack.js';

function metrics(epoch: number, valAccuracy: number) {
  return { epoch, loss: 2 / epoch, accuracy: 0.1 * epoch, valLoss: 2.5 / epoch, valAccuracy, durationMs: 1000, imagesPerSecond: 100 + epoch };
}

function codeOf(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

// The API over a database whose runs are put in known states by the same service functions
// a worker calls; no worker runs, so nothing changes behind the test's back.
describe('the sweep and run model over the API', () => {
  let db: TestDatabase;
  let stack: Stack;
  let prisma: PrismaClient;
  const post = <Data>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<Data>(stack.apiUrl, query, variables);

  async function createSweep(input: string): Promise<{ id: string; runs: { id: string; batchSize: number; learningRate: number }[] }> {
    const created = await post<{ createSweep: { id: string; runs: { id: string; batchSize: number; learningRate: number }[] } }>(
      `mutation { createSweep(input: { preset: "smoke", ${input} }) { id runs { id batchSize learningRate } } }`,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    return created.data!.createSweep;
  }

  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
    stack = await startStack({ databaseUrl: db.url, worker: false });
  });
  after(async () => {
    await stack?.stop();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('keeps the divergence factor given, 10 when none is, and refuses one below 2 with BAD_USER_INPUT naming the field', async () => {
    const strict = await createSweep(`cells: "8:0.1", divergenceFactor: 4`);
    const plain = await createSweep(`cells: "8:0.1"`);
    const read = await post<{ a: { divergenceFactor: number }; b: { divergenceFactor: number } }>(
      `query($a: ID!, $b: ID!) { a: sweep(id: $a) { divergenceFactor } b: sweep(id: $b) { divergenceFactor } }`,
      { a: strict.id, b: plain.id },
    );
    assert.deepEqual(read.data, { a: { divergenceFactor: 4 }, b: { divergenceFactor: 10 } });
    const refused = await post(`mutation { createSweep(input: { preset: "smoke", cells: "8:0.1", divergenceFactor: 1 }) { id } }`);
    assert.equal(codeOf(refused), 'BAD_USER_INPUT');
    assert.match(refused.errors?.[0]?.message ?? '', /divergenceFactor is 1: expected a number from 2 to 1e12/);
  });

  it('keeps early stopping and pruning as the sweep asks, off by default, and refuses an unknown pruner naming the field', async () => {
    const stopping = await createSweep(`cells: "8:0.1", earlyStopPatience: 3, pruner: "median", pruneWarmupEpochs: 1`);
    const plain = await createSweep(`cells: "8:0.1"`);
    const read = await post<Record<'a' | 'b', { earlyStopPatience: number | null; pruner: string | null; pruneWarmupEpochs: number }>>(
      `query($a: ID!, $b: ID!) { a: sweep(id: $a) { earlyStopPatience pruner pruneWarmupEpochs } b: sweep(id: $b) { earlyStopPatience pruner pruneWarmupEpochs } }`,
      { a: stopping.id, b: plain.id },
    );
    assert.deepEqual(read.data, {
      a: { earlyStopPatience: 3, pruner: 'median', pruneWarmupEpochs: 1 },
      b: { earlyStopPatience: null, pruner: null, pruneWarmupEpochs: 2 },
    });
    const refused = await post(`mutation { createSweep(input: { preset: "smoke", cells: "8:0.1", pruner: "mean" }) { id } }`);
    assert.equal(codeOf(refused), 'BAD_USER_INPUT');
    assert.deepEqual(refused.errors?.[0]?.extensions?.field, ['pruner']);
    assert.equal(refused.errors?.[0]?.message, 'pruner is "mean": expected one of median, or none.');
  });

  it('lays explicit cells out as a full grid, with an empty cell where no run was asked for, and reports progress', async () => {
    const sweep = await createSweep(`cells: "8:0.1,16:0.01,8:0.01", epochs: 4`);
    const run = sweep.runs.find((r) => r.batchSize === 8 && r.learningRate === 0.1)!;
    const lease = await claimTestRun(prisma, Number(run.id), 'test:1');
    await recordEpoch(prisma, lease, metrics(1, 0.3));
    await recordEpoch(prisma, lease, metrics(2, 0.5));
    await recordEpoch(prisma, lease, metrics(3, 0.4));

    const result = await post<{
      sweep: {
        status: string;
        progress: { runs: number; queued: number; running: number; epochsDone: number; epochsTotal: number; fraction: number };
        grid: { batchSizes: number[]; learningRates: number[]; cells: { batchSize: number; learningRate: number; runs: { id: string }[] }[] };
      };
    }>(
      `query($id: ID!) { sweep(id: $id) { status progress { runs queued running epochsDone epochsTotal fraction }
        grid { batchSizes learningRates cells { batchSize learningRate runs { id } } } } }`,
      { id: sweep.id },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const { status, progress, grid } = result.data!.sweep;
    assert.equal(status, 'RUNNING');
    assert.deepEqual(progress, { runs: 3, queued: 2, running: 1, epochsDone: 3, epochsTotal: 12, fraction: 0.25 });
    assert.deepEqual(grid.batchSizes, [8, 16]);
    assert.deepEqual(grid.learningRates, [0.01, 0.1]);
    assert.deepEqual(
      grid.cells.map((cell) => [cell.batchSize, cell.learningRate, cell.runs.length]),
      [
        [8, 0.01, 1],
        [8, 0.1, 1],
        [16, 0.01, 1],
        [16, 0.1, 0],
      ],
    );
  });

  it('gives a run its final and best epochs, the epoch of the best, throughput, one metric by epoch (rounded when asked), and the epochs after a given one', async () => {
    const sweep = await createSweep(`cells: "8:0.1", epochs: 3`);
    const runId = Number(sweep.runs[0]!.id);
    const lease = await claimTestRun(prisma, runId, 'test:1');
    for (const [epoch, accuracy] of [
      [1, 0.3],
      [2, 0.6],
      [3, 0.5],
    ] as const)
      await recordEpoch(prisma, lease, metrics(epoch, accuracy));
    await finishRun(prisma, lease, 'succeeded');

    const result = await post<{
      run: {
        status: string;
        attempt: number;
        worker: string;
        backend: string;
        heartbeatAt: string | null;
        imported: boolean;
        imagesPerSecond: number;
        epochsDone: number;
        latestEpoch: { epoch: number; valAccuracy: number };
        bestEpoch: { epoch: number; valAccuracy: number };
        later: { epoch: number }[];
        valAccuracies: number[];
        durations: number[];
        losses: number[];
      };
    }>(
      `query($id: ID!) { run(id: $id) { status attempt worker backend heartbeatAt imported imagesPerSecond epochsDone
        latestEpoch { epoch valAccuracy } bestEpoch { epoch valAccuracy } later: epochs(afterEpoch: 1) { epoch }
        valAccuracies: series(metric: VAL_ACCURACY) durations: series(metric: DURATION_MS) losses: series(metric: LOSS, significantDigits: 2) } }`,
      { id: String(runId) },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const { heartbeatAt, ...run } = result.data!.run;
    assert.ok(heartbeatAt && !Number.isNaN(Date.parse(heartbeatAt)), `heartbeatAt ${heartbeatAt}`);
    assert.deepEqual(run, {
      status: 'SUCCEEDED',
      attempt: 1,
      worker: 'test:1',
      backend: 'cpu',
      imported: false,
      imagesPerSecond: 102,
      epochsDone: 3,
      latestEpoch: { epoch: 3, valAccuracy: 0.5 },
      bestEpoch: { epoch: 2, valAccuracy: 0.6 },
      later: [{ epoch: 2 }, { epoch: 3 }],
      valAccuracies: [0.3, 0.6, 0.5],
      durations: [1000, 1000, 1000],
      losses: [2, 1, 0.67],
    });
  });

  it('answers where a diverged run blew up, with a loss that was not finite as null, and forgets it on retry', async () => {
    const sweep = await createSweep(`cells: "8:0.1,16:0.1", epochs: 3`);
    const [first, second] = sweep.runs.map((run) => Number(run.id));
    const rule = "the loss exceeded 10 × ln 4 = 13.9 nats, 10 times a uniform guess's";
    await finishRun(prisma, await claimTestRun(prisma, first!, 'test:1'), 'diverged', 'Diverged in epoch 2, batch 7: …', {
      rule,
      epoch: 2,
      batch: 7,
      loss: 8283.4,
    });
    await finishRun(prisma, await claimTestRun(prisma, second!, 'test:2'), 'diverged', 'Diverged after epoch 1, in validation: …', {
      rule: 'the validation loss became NaN',
      epoch: 1,
      batch: 0,
      loss: Number.NaN,
    });
    const query = `query($a: ID!, $b: ID!) { a: run(id: $a) { divergence { rule epoch batch loss } } b: run(id: $b) { divergence { rule epoch batch loss } } }`;
    const read = await post<Record<'a' | 'b', { divergence: unknown }>>(query, { a: String(first), b: String(second) });
    assert.deepEqual(read.data, {
      a: { divergence: { rule, epoch: 2, batch: 7, loss: 8283.4 } },
      b: { divergence: { rule: 'the validation loss became NaN', epoch: 1, batch: 0, loss: null } },
    });
    await post(`mutation($id: ID!) { retryRun(id: $id) { id } }`, { id: String(first) });
    const retried = await post<Record<'a' | 'b', { divergence: unknown }>>(query, { a: String(first), b: String(second) });
    assert.equal(retried.data?.a.divergence, null);
  });

  it('retries a failed run from its checkpoint by default, keeping its epochs and listing the retry among its interruptions', async () => {
    const sweep = await createSweep(`cells: "8:0.1", epochs: 3`);
    const runId = Number(sweep.runs[0]!.id);
    const lease = await claimTestRun(prisma, runId, 'test:1');
    await recordEpoch(prisma, lease, metrics(1, 0.2), { weights: new Uint8Array(4), state: {} });
    await finishRun(prisma, lease, 'failed', 'the worker ran out of memory');

    const retried = await post<{ retryRun: { status: string; attempt: number; epochsDone: number; reclaims: number; interruptions: unknown[] } }>(
      `mutation($id: ID!) { retryRun(id: $id) { status attempt epochsDone reclaims interruptions { kind attempt worker epochsDone reason resumedBy } } }`,
      { id: String(runId) },
    );
    assert.equal(retried.errors, undefined, JSON.stringify(retried.errors));
    assert.deepEqual(retried.data?.retryRun, {
      status: 'QUEUED',
      attempt: 1,
      epochsDone: 1,
      reclaims: 0,
      interruptions: [{ kind: 'RETRIED', attempt: 1, worker: 'test:1', epochsDone: 1, reason: 'retried after it failed, keeping its epochs', resumedBy: null }],
    });
  });

  it("retries a failed run from scratch as a new attempt when asked, and keeps the earlier attempt's epochs readable", async () => {
    const sweep = await createSweep(`cells: "8:0.1", epochs: 3`);
    const runId = Number(sweep.runs[0]!.id);
    const lease = await claimTestRun(prisma, runId, 'test:1');
    await recordEpoch(prisma, lease, metrics(1, 0.2));
    await finishRun(prisma, lease, 'failed', 'the worker ran out of memory');

    const retried = await post<{ retryRun: { status: string; attempt: number; error: string | null; epochsDone: number; series: number[] } }>(
      `mutation($id: ID!) { retryRun(id: $id, fromScratch: true) { status attempt error epochsDone series(metric: LOSS) } }`,
      { id: String(runId) },
    );
    assert.equal(retried.errors, undefined, JSON.stringify(retried.errors));
    assert.deepEqual(retried.data?.retryRun, { status: 'QUEUED', attempt: 2, error: null, epochsDone: 0, series: [] });
    const earlier = await post<{ run: { epochs: { attempt: number; epoch: number; valAccuracy: number }[] } }>(
      `query($id: ID!) { run(id: $id) { epochs(attempt: 1) { attempt epoch valAccuracy } } }`,
      { id: String(runId) },
    );
    assert.deepEqual(earlier.data?.run.epochs, [{ attempt: 1, epoch: 1, valAccuracy: 0.2 }]);

    const again = await post(`mutation($id: ID!) { retryRun(id: $id) { id } }`, { id: String(runId) });
    assert.equal(codeOf(again), 'CONFLICT');
    assert.match(again.errors?.[0]?.message ?? '', /is queued: only a failed, diverged or cancelled run can be retried/);
  });

  it('cancels runs and sweeps, refuses what their state forbids with CONFLICT, and unknown ids with NOT_FOUND', async () => {
    const sweep = await createSweep(`cells: "8:0.1,16:0.1", epochs: 2`);
    const [first, second] = sweep.runs.map((run) => run.id);
    const cancelled = await post<{ cancelRun: { status: string } }>(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id: first });
    assert.equal(cancelled.data?.cancelRun.status, 'CANCELLED');
    assert.equal(codeOf(await post(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id: first })), 'CONFLICT');

    await claimTestRun(prisma, Number(second), 'test:1');
    const refused = await post(`mutation($id: ID!) { deleteSweep(id: $id) }`, { id: sweep.id });
    assert.equal(codeOf(refused), 'CONFLICT');
    assert.match(refused.errors?.[0]?.message ?? '', /cancel the sweep first/);
    assert.equal(refused.errors?.[0]?.extensions && 'stacktrace' in refused.errors[0].extensions, false, 'no stack trace');

    const whole = await post<{ cancelSweep: { status: string } }>(`mutation($id: ID!) { cancelSweep(id: $id) { status } }`, { id: sweep.id });
    assert.equal(whole.data?.cancelSweep.status, 'CANCELLED');
    const deleted = await post<{ deleteSweep: string }>(`mutation($id: ID!) { deleteSweep(id: $id) }`, { id: sweep.id });
    assert.equal(deleted.data?.deleteSweep, sweep.id);
    assert.equal((await post<{ sweep: null }>(`query($id: ID!) { sweep(id: $id) { id } }`, { id: sweep.id })).data?.sweep, null);

    for (const mutation of [
      'cancelRun(id: "999999") { id }',
      'retryRun(id: "999999") { id }',
      'cancelSweep(id: "999999") { id }',
      'deleteSweep(id: "999999")',
    ]) {
      assert.equal(codeOf(await post(`mutation { ${mutation} }`)), 'NOT_FOUND', mutation);
    }
  });

  it('pages through sweeps newest first with cursors, filtered by status and data set, and refuses an oversized page', async () => {
    const made: string[] = [];
    for (let index = 0; index < 3; index += 1) made.push((await createSweep(`cells: "8:0.1", epochs: 1, name: "page ${index}"`)).id);
    const synthetic = `dataset: "synthetic", status: QUEUED`;
    const firstPage = await post<{ sweeps: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(
      `{ sweeps(first: 2, ${synthetic}) { nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`,
    );
    assert.equal(firstPage.errors, undefined, JSON.stringify(firstPage.errors));
    const queuedIds = firstPage.data!.sweeps;
    assert.deepEqual(
      queuedIds.nodes.map((node) => node.id),
      [made[2], made[1]],
    );
    assert.equal(queuedIds.pageInfo.hasNextPage, true);
    const secondPage = await post<{ sweeps: { nodes: { id: string }[] } }>(
      `query($after: String) { sweeps(first: 2, after: $after, ${synthetic}) { nodes { id } } }`,
      { after: queuedIds.pageInfo.endCursor },
    );
    assert.equal(secondPage.data?.sweeps.nodes[0]?.id, made[0]);
    assert.ok(secondPage.data!.sweeps.nodes.every((node) => Number(node.id) < Number(made[1])));

    const none = await post<{ sweeps: { totalCount: number } }>(`{ sweeps(dataset: "fashion-mnist") { totalCount } }`);
    assert.equal(none.data?.sweeps.totalCount, 0);
    const tooMany = await post(`{ sweeps(first: 1000) { totalCount } }`);
    assert.equal(codeOf(tooMany), 'BAD_USER_INPUT');
    assert.match(tooMany.errors?.[0]?.message ?? '', /first is 1000: expected a whole number from 1 to 100/);
  });
});
