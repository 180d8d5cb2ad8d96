import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createPrisma } from '@sweepscope/db';
import { finishRun, recordEpoch } from '@sweepscope/db/runs';
import { claimTestRun, createTestDatabase, queryDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { postGraphQL } from '../support/post-graphql.js';
import { findFreePort, type Service } from '../support/start-service.js';
import { startApiServer, startWorkerProcess } from '../support/start-stack.js';

/** An epoch as the API sends it (ids as strings) or the database stores it (ids as numbers). */
interface EpochFields<Id = string> {
  id: Id;
  runId: Id;
  attempt: number;
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
}
interface SweepEventMessage {
  sweepEvents: { cursor: string; kind: 'EPOCH_ADDED' | 'RUN_UPDATED'; epoch: EpochFields | null; run: { id: string; status: string } | null };
}

const eventsQuery = `subscription($sweepId: ID!, $after: String) {
  sweepEvents(sweepId: $sweepId, after: $after) {
    cursor kind
    epoch { id runId attempt epoch loss accuracy valLoss valAccuracy }
    run { id status }
  }
}`;

/**
 * A dashboard-like subscriber: it folds every event into the rows it holds and keeps the
 * newest cursor in the subscription's own variables, which graphql-ws sends again on each
 * reconnection, so a resumed stream starts after the last event this client saw.
 */
function watchSweep(client: Client, sweepId: string) {
  const cursors: number[] = [];
  const epochs = new Map<string, EpochFields>();
  const statuses = new Map<string, string>();
  const errors: unknown[] = [];
  const payload = { query: eventsQuery, variables: { sweepId, after: null as string | null } };
  const unsubscribe = client.subscribe<SweepEventMessage>(payload, {
    next: ({ data, errors: failed }) => {
      if (failed) errors.push(failed);
      if (!data) return;
      const event = data.sweepEvents;
      cursors.push(Number(event.cursor));
      payload.variables.after = event.cursor;
      if (event.epoch) epochs.set(`${event.epoch.runId}:${event.epoch.attempt}:${event.epoch.epoch}`, event.epoch);
      if (event.run) statuses.set(event.run.id, event.run.status);
    },
    error: (error) => errors.push(error),
    complete: () => {},
  });
  return { cursors, epochs, statuses, errors, unsubscribe };
}

async function storedEpochs(url: string, sweepId: string) {
  const rows = await queryDatabase<EpochFields<number>>(
    url,
    `SELECT e.id, e."runId", e.attempt, e.epoch, e.loss, e.accuracy, e."valLoss", e."valAccuracy"
     FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" WHERE r."sweepId" = $1`,
    [Number(sweepId)],
  );
  return new Map(rows.map((row) => [`${row.runId}:${row.attempt}:${row.epoch}`, { ...row, id: String(row.id), runId: String(row.runId) }]));
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}\n${output()}`);
    await sleep(100);
  }
}

describe('live streams', () => {
  let db: TestDatabase;
  const services: Service[] = [];
  const clients: Client[] = [];
  const output = (): string => services.map((service) => service.output()).join('\n');

  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await Promise.all(services.map((service) => service.stop()));
    await db?.drop();
  });

  function connect(port: number): Client {
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: () => sleep(200),
    });
    clients.push(client);
    return client;
  }

  it('resumes from its cursor across a server kill and restart mid-sweep, ending with exactly the stored rows, each once', async () => {
    const port = await findFreePort();
    let server = await startApiServer({ databaseUrl: db.url, port });
    services.push(server);
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      `http://127.0.0.1:${port}/graphql`,
      `mutation { createSweep(input: { preset: "smoke", cells: "8:0.1,16:0.05", epochs: 6, trainLimit: 48, valLimit: 16 }) { id } }`,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const sweepId = created.data!.createSweep.id;

    const client = connect(port);
    let connections = 0;
    client.on('connected', () => (connections += 1));
    const watcher = watchSweep(client, sweepId);
    services.push(await startWorkerProcess(db.url));

    await waitFor('two epochs live', () => watcher.epochs.size >= 2, 120_000, output);
    await server.kill();
    const heardBeforeKill = watcher.epochs.size;
    const storedAtKill = (await storedEpochs(db.url, sweepId)).size;
    // The worker writes to the database, not the server, so epochs go on being stored meanwhile.
    await waitFor('an epoch stored while the server is down', async () => (await storedEpochs(db.url, sweepId)).size > storedAtKill, 120_000, output);

    server = await startApiServer({ databaseUrl: db.url, port });
    services.push(server);
    await waitFor(
      'the sweep to end',
      async () => {
        const rows = await queryDatabase<{ active: number }>(
          db.url,
          `SELECT count(*)::int AS active FROM "Run" WHERE "sweepId" = $1 AND status IN ('queued', 'running')`,
          [Number(sweepId)],
        );
        return rows[0]?.active === 0;
      },
      180_000,
      output,
    );
    const [newest] = await queryDatabase<{ id: number }>(db.url, `SELECT max(id) AS id FROM "SweepEvent" WHERE "sweepId" = $1`, [Number(sweepId)]);
    await waitFor('the last stored event to arrive', () => watcher.cursors.at(-1) === newest?.id, 30_000, output);

    assert.deepEqual(watcher.errors, []);
    assert.ok(connections >= 2, `expected a reconnection, saw ${connections} connection(s)`);
    assert.ok(heardBeforeKill < watcher.epochs.size, 'epochs arrived after the restart');
    const sorted = [...watcher.cursors].sort((a, b) => a - b);
    assert.deepEqual(watcher.cursors, [...new Set(sorted)], 'cursors arrive in increasing order, none twice');
    const stored = await storedEpochs(db.url, sweepId);
    assert.deepEqual(new Map([...watcher.epochs].sort()), new Map([...stored].sort()));
    const runs = await queryDatabase<{ id: number; status: string }>(db.url, `SELECT id, status::text FROM "Run" WHERE "sweepId" = $1`, [Number(sweepId)]);
    assert.deepEqual(new Map([...watcher.statuses].sort()), new Map(runs.map((run) => [String(run.id), run.status.toUpperCase()] as const).sort()));
  });

  it('delivers every event to subscribers of each of several servers on one database', async () => {
    const ports = [await findFreePort(), await findFreePort()];
    for (const port of ports) services.push(await startApiServer({ databaseUrl: db.url, port }));
    const created = await postGraphQL<{ createSweep: { id: string } }>(
      `http://127.0.0.1:${ports[0]}/graphql`,
      `mutation { createSweep(input: { preset: "smoke", cells: "8:0.1", epochs: 3, trainLimit: 32, valLimit: 16 }) { id } }`,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const sweepId = created.data!.createSweep.id;
    const watchers = ports.map((port) => watchSweep(connect(port), sweepId));
    await waitFor(
      'the run to finish',
      async () => {
        const rows = await queryDatabase<{ status: string }>(db.url, `SELECT status::text FROM "Run" WHERE "sweepId" = $1`, [Number(sweepId)]);
        return rows.every((row) => row.status === 'succeeded' || row.status === 'failed');
      },
      180_000,
      output,
    );
    const [newest] = await queryDatabase<{ id: number }>(db.url, `SELECT max(id) AS id FROM "SweepEvent" WHERE "sweepId" = $1`, [Number(sweepId)]);
    for (const watcher of watchers) await waitFor('every event at each server', () => watcher.cursors.at(-1) === newest?.id, 30_000, output);
    const stored = await storedEpochs(db.url, sweepId);
    assert.equal(stored.size, 3);
    for (const watcher of watchers) {
      assert.deepEqual(watcher.errors, []);
      assert.deepEqual(new Map([...watcher.epochs].sort()), new Map([...stored].sort()));
    }
    assert.deepEqual(watchers[0]?.cursors, watchers[1]?.cursors);
  });

  it('delivers the runs and epochs an import adds to a live subscriber of the sweep, each once, in the log’s order', async () => {
    const port = await findFreePort();
    services.push(await startApiServer({ databaseUrl: db.url, port }));
    const url = `http://127.0.0.1:${port}/graphql`;
    const importMutation = `mutation($input: ImportResultsInput!) { importResults(input: $input) { id } }`;
    const header = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy';
    const first = await postGraphQL<{ importResults: { id: string } }>(url, importMutation, {
      input: { format: 'CSV', content: `${header}\n32,0.1,1,1,0.5,1,0.5` },
    });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const sweepId = first.data!.importResults.id;
    const watcher = watchSweep(connect(port), sweepId);
    await waitFor('the replay of the first import', () => watcher.epochs.size === 1, 30_000, output);
    const history = JSON.stringify({ loss: [1, 0.8, 0.6], accuracy: [0.5, 0.6, 0.7], val_loss: [1, 0.9, 0.8], val_accuracy: [0.5, 0.55, 0.6] });
    const added = await postGraphQL(url, importMutation, { input: { format: 'KERAS_HISTORY', content: history, sweepId, batchSize: 64, learningRate: 0.1 } });
    assert.equal(added.errors, undefined, JSON.stringify(added.errors));
    const stored = await storedEpochs(db.url, sweepId);
    assert.equal(stored.size, 4);
    await waitFor('the imported epochs, live', () => watcher.epochs.size === 4, 30_000, output);
    const logged = await queryDatabase<{ id: number }>(db.url, `SELECT id FROM "SweepEvent" WHERE "sweepId" = $1 ORDER BY id`, [Number(sweepId)]);
    await waitFor('every event', () => watcher.cursors.length === logged.length, 30_000, output);
    assert.deepEqual(watcher.errors, []);
    assert.deepEqual(
      watcher.cursors,
      logged.map((row) => row.id),
    );
    assert.deepEqual(new Map([...watcher.epochs].sort()), new Map([...stored].sort()));
    assert.equal(watcher.statuses.size, 2);
  });
  it("sends each run update's numbers as they are at that event, not as an earlier event of the same subscription read them", async () => {
    // A database of its own: the workers of the tests above would take the run.
    const own = await createTestDatabase();
    const port = await findFreePort();
    const server = await startApiServer({ databaseUrl: own.url, port });
    const url = `http://127.0.0.1:${port}/graphql`;
    const created = await postGraphQL<{ createSweep: { id: string; runs: { id: string }[] } }>(
      url,
      `mutation { createSweep(input: { name: "fresh reads", preset: "smoke", cells: "8:0.1", epochs: 2, trainLimit: 16, valLimit: 8 }) { id runs { id } } }`,
    );
    const sweepId = created.data!.createSweep.id;
    const runId = Number(created.data!.createSweep.runs[0]!.id);
    const updates: { status: string; epochsDone: number; imagesPerSecond: number | null }[] = [];
    const errors: unknown[] = [];
    const client = connect(port);
    client.subscribe<{ sweepEvents: { run: (typeof updates)[number] | null } }>(
      { query: `subscription($sweepId: ID!) { sweepEvents(sweepId: $sweepId) { run { status epochsDone imagesPerSecond } } }`, variables: { sweepId } },
      {
        next: ({ data, errors: failed }) => {
          if (failed) errors.push(failed);
          if (data?.sweepEvents.run) updates.push(data.sweepEvents.run);
        },
        error: (error) => errors.push(error),
        complete: () => {},
      },
    );
    // The replay of the sweep's creation (the run queued) comes first; after it the stream is live.
    const prisma = createPrisma(own.url);
    try {
      await waitFor(
        'the replayed update to queued',
        () => updates.length > 0,
        30_000,
        () => server.output(),
      );
      const lease = await claimTestRun(prisma, runId);
      await waitFor(
        'the update to running',
        () => updates.some((update) => update.status === 'RUNNING'),
        30_000,
        () => server.output(),
      );
      for (const epoch of [1, 2]) {
        await recordEpoch(prisma, lease, { epoch, loss: 1 / epoch, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, durationMs: 100, imagesPerSecond: 80 * epoch });
      }
      await finishRun(prisma, lease, 'succeeded');
      await waitFor(
        'the update to succeeded',
        () => updates.some((update) => update.status === 'SUCCEEDED'),
        30_000,
        () => server.output(),
      );
    } finally {
      // Gone before its server, or it would go on reconnecting to nothing.
      clients.splice(clients.indexOf(client), 1);
      await client.dispose();
      await prisma.$disconnect();
      await server.stop();
      await own.drop();
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(
      updates.map(({ status, epochsDone }) => [status, epochsDone]),
      [
        ['QUEUED', 0],
        ['RUNNING', 0],
        ['SUCCEEDED', 2],
      ],
    );
    assert.equal(updates.at(-1)?.imagesPerSecond, 120);
  });
});
