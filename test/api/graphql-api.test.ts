import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { postGraphQL } from '../support/post-graphql.js';
import { startStack, type Stack } from '../support/start-stack.js';

interface EpochAdded {
  sweepEvents: { epoch: { runId: string; sweepId: string; epoch: number; loss: number; valAccuracy: number } | null };
}

describe('GraphQL API', () => {
  let db: TestDatabase;
  let stack: Stack;
  let ws: Client;

  before(async () => {
    db = await createTestDatabase();
    stack = await startStack({ databaseUrl: db.url });
    ws = createClient({ url: stack.apiUrl.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  });
  after(async () => {
    await ws?.dispose();
    await stack?.stop();
    await db?.drop();
  });

  it('refuses a malformed sweep with BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const response = await postGraphQL(stack.apiUrl, `mutation { createSweep(input: { cells: "32:abc" }) { id } }`);
    assert.equal(response.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(response.errors?.[0]?.extensions?.field, ['cells']);
    assert.match(response.errors?.[0]?.message ?? '', /learning rate "abc"/);
    const list = await postGraphQL<{ sweeps: { nodes: { createdBy: string }[] } }>(stack.apiUrl, `{ sweeps { nodes { createdBy } } }`);
    assert.deepEqual(
      list.data?.sweeps.nodes.filter((sweep) => sweep.createdBy === 'api'),
      [],
    );
  });

  it('streams each epoch a real trainer stores to a subscriber of the sweep, then serves it in queries', async () => {
    const created = await postGraphQL<{ createSweep: { id: string; runs: { id: string; status: string }[] } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { preset: "smoke", cells: "8:0.1", epochs: 1, trainLimit: 16, valLimit: 8 }) {
        id runs { id status } } }`,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const sweep = created.data!.createSweep;
    assert.equal(sweep.runs[0]?.status, 'QUEUED');

    const epoch = await new Promise<NonNullable<EpochAdded['sweepEvents']['epoch']>>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no epoch within 90 s:\n${stack.services.map((s) => s.output()).join('\n')}`)), 90_000);
      const unsubscribe = ws.subscribe<EpochAdded>(
        { query: `subscription($id: ID!) { sweepEvents(sweepId: $id) { epoch { runId sweepId epoch loss valAccuracy } } }`, variables: { id: sweep.id } },
        {
          next: (message) => {
            const added = message.data?.sweepEvents.epoch;
            if (!added) return;
            clearTimeout(timeout);
            unsubscribe();
            resolve(added);
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    assert.equal(epoch.sweepId, sweep.id);
    assert.equal(epoch.runId, sweep.runs[0]?.id);
    assert.equal(epoch.epoch, 1);
    assert.ok(Number.isFinite(epoch.loss) && epoch.loss > 0, `expected a positive loss, got ${epoch.loss}`);

    const run = await postGraphQL<{ run: { epochs: { epoch: number; loss: number }[]; epochsDone: number; backend: string } }>(
      stack.apiUrl,
      `query($id: ID!) { run(id: $id) { epochsDone backend epochs { epoch loss } } }`,
      { id: epoch.runId },
    );
    assert.deepEqual(run.data?.run.epochs, [{ epoch: 1, loss: epoch.loss }]);
    // The fastest backend that loads here, recorded by the worker that trained it.
    assert.ok(['node-gpu', 'node', 'wasm', 'cpu'].includes(run.data?.run.backend ?? ''), `backend ${run.data?.run.backend}`);
  });

  it('answers an id that is not a number with BAD_USER_INPUT and an unknown one with null', async () => {
    const malformed = await postGraphQL(stack.apiUrl, `{ sweep(id: "abc") { id } }`);
    assert.equal(malformed.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const unknown = await postGraphQL<{ sweep: null }>(stack.apiUrl, `{ sweep(id: "999999") { id } }`);
    assert.equal(unknown.errors, undefined);
    assert.equal(unknown.data?.sweep, null);
  });
});
