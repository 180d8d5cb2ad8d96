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

  it('tags, notes and renames a sweep and its run through updateSweep and updateRun, and lists sweeps by tag and text', async () => {
    const content = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy\n8,0.1,1,1,0.5,1,0.5\n';
    const imported = await postGraphQL<{ importResults: { id: string; runs: { id: string }[] } }>(
      stack.apiUrl,
      `mutation($content: String!) { importResults(input: { format: CSV, content: $content, name: "to tag", tags: ["colab"] }) { id runs { id } } }`,
      { content },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const { id, runs } = imported.data!.importResults;
    const sweep = await postGraphQL<{ updateSweep: { name: string; tags: string[]; notes: string } }>(
      stack.apiUrl,
      `mutation($id: ID!, $notes: String) { updateSweep(id: $id, input: { name: " BN study ", tags: ["colab", "fig 3"], notes: $notes }) { name tags notes } }`,
      { id, notes: 'momentum 0.9\nwins ' },
    );
    assert.deepEqual(sweep.data?.updateSweep, { name: 'BN study', tags: ['colab', 'fig 3'], notes: 'momentum 0.9\nwins' });
    const run = await postGraphQL<{ updateRun: { tags: string[]; notes: string } }>(
      stack.apiUrl,
      `mutation($id: ID!) { updateRun(id: $id, input: { tags: ["spiky"] }) { tags notes } }`,
      { id: runs[0]!.id },
    );
    assert.deepEqual(run.data?.updateRun, { tags: ['spiky'], notes: '' });
    const read = await postGraphQL<{ sweep: { tags: string[]; runs: { tags: string[] }[] } }>(
      stack.apiUrl,
      `query($id: ID!) { sweep(id: $id) { tags runs { tags } } }`,
      {
        id,
      },
    );
    assert.deepEqual(read.data?.sweep, { tags: ['colab', 'fig 3'], runs: [{ tags: ['spiky'] }] });
    for (const [filter, found] of [
      ['tag: "fig 3"', [id]],
      ['tag: "fig"', []],
      ['search: "WINS"', [id]],
      ['search: "bn study", tag: "colab"', [id]],
    ] as const) {
      const list = await postGraphQL<{ sweeps: { nodes: { id: string }[] } }>(stack.apiUrl, `{ sweeps(${filter}) { nodes { id } } }`);
      assert.deepEqual(
        list.data?.sweeps.nodes.map((node) => node.id),
        found,
        filter,
      );
    }
  });

  it('answers an id that is not a number with BAD_USER_INPUT and an unknown one with null', async () => {
    const malformed = await postGraphQL(stack.apiUrl, `{ sweep(id: "abc") { id } }`);
    assert.equal(malformed.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const unknown = await postGraphQL<{ sweep: null }>(stack.apiUrl, `{ sweep(id: "999999") { id } }`);
    assert.equal(unknown.errors, undefined);
    assert.equal(unknown.data?.sweep, null);
  });
});
