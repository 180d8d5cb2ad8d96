import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { postGraphQL } from '../support/post-graphql.js';
import { findFreePort } from '../support/start-service.js';
import { startApiServer, startStack, type Stack } from '../support/start-stack.js';

interface ImportedSweep {
  id: string;
  name: string;
  createdBy: string;
  readOnly: boolean;
  runs: { batchSize: number; learningRate: number; repeat: number; status: string; importedFrom: string | null; tags: string[]; notes: string }[];
}

const importMutation = `mutation($input: ImportResultsInput!) {
  importResults(input: $input) { id name createdBy readOnly runs { batchSize learningRate repeat status importedFrom tags notes } } }`;

/**
 * Two cells, one trained twice, metrics with every digit a double holds, one epoch without
 * timings, gradient noise scales where measured, how each run ended, and runs' tags and notes (quoted where they hold a comma, a
 * quote or a line break).
 */
const results = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second,noise_scale,status,tags,notes',
  '32,0.1,1,1,1.2345678901234567,0.5,1.4,0.45,2100,190.25,412.5,succeeded,"best,fig 3","steady, then ""flat""\nsee run 2"',
  '32,0.1,1,2,0.00084681,1,0.5873,0.8382,2050,195.5,388.25,succeeded,"best,fig 3","steady, then ""flat""\nsee run 2"',
  '32,0.1,2,1,1.3,0.48,1.5,0.41,2200,180,,pruned,,',
  '128,0.001,1,1,1.9535,0.8559,3.7203,0.2196,,,,stopped_early,slow,',
].join('\r\n');

/** A table of `runs` runs of `epochs` epochs each, one row per epoch. */
function bigTable(runs: number, epochs: number): string {
  const lines = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second'];
  for (let run = 0; run < runs; run += 1) {
    for (let epoch = 1; epoch <= epochs; epoch += 1) lines.push(`${8 * (run + 1)},0.1,1,${epoch},${(2 / epoch).toFixed(6)},0.5,1.25,0.5,1500,200.5`);
  }
  return lines.join('\n');
}

/** How many sweeps, runs, epochs and logged events the database holds. */
async function countRows(url: string): Promise<string> {
  const [row] = await queryDatabase<Record<string, number>>(
    url,
    `SELECT (SELECT count(*) FROM "Sweep")::int AS sweeps, (SELECT count(*) FROM "Run")::int AS runs,
            (SELECT count(*) FROM "Epoch")::int AS epochs, (SELECT count(*) FROM "SweepEvent")::int AS events`,
  );
  return JSON.stringify(row);
}

describe('importing and exporting results over the API', () => {
  let db: TestDatabase;
  let stack: Stack;
  let origin: string;

  /** Imports through the GraphQL mutation and fails the test on an error. */
  async function importThroughApi(input: Record<string, unknown>): Promise<ImportedSweep> {
    const response = await postGraphQL<{ importResults: ImportedSweep }>(stack.apiUrl, importMutation, { input });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data!.importResults;
  }

  before(async () => {
    db = await createTestDatabase();
    stack = await startStack({ databaseUrl: db.url, worker: false });
    origin = stack.apiUrl.replace('/graphql', '');
  });
  after(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it('imports a CSV as a new sweep of runs that ended as it says, named for the file', async () => {
    const sweep = await importThroughApi({ format: 'CSV', content: results, filename: 'colab.csv' });
    assert.deepEqual([sweep.name, sweep.createdBy, sweep.readOnly], ['colab.csv (imported)', 'import', false]);
    assert.deepEqual(
      sweep.runs.map((run) => `${run.batchSize}:${run.learningRate}#${run.repeat} ${run.status} ${run.importedFrom}`),
      ['32:0.1#1 SUCCEEDED colab.csv', '32:0.1#2 PRUNED colab.csv', '128:0.001#1 STOPPED_EARLY colab.csv'],
    );
  });

  it("exports a sweep as CSV and JSON attachments that import back into an identical sweep, runs' tags and notes included", async () => {
    const original = await importThroughApi({ format: 'CSV', content: results });
    assert.deepEqual(
      original.runs.map((run) => [run.tags, run.notes]),
      [
        [['best', 'fig 3'], 'steady, then "flat"\nsee run 2'],
        [[], ''],
        [['slow'], ''],
      ],
    );
    for (const format of ['csv', 'json'] as const) {
      const response = await fetch(`${origin}/sweeps/${original.id}/epochs.${format}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', format === 'csv' ? /^text\/csv; charset=utf-8/ : /^application\/json; charset=utf-8/);
      assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="?sweep-${original.id}-epochs\\.${format}"?$`));
      const exported = await response.text();
      if (format === 'csv') assert.equal(exported, `${results}\r\n`);
      const copy = await importThroughApi({ format: format.toUpperCase(), content: exported, filename: `sweep-${original.id}-epochs.${format}` });
      assert.notEqual(copy.id, original.id);
      const cells = (sweep: ImportedSweep) =>
        sweep.runs.map((run) => [`${run.batchSize}:${run.learningRate}#${run.repeat} ${run.status}`, run.tags, run.notes]);
      assert.deepEqual(cells(copy), cells(original));
      // The copy's export is the original's, every metric equal to the last digit.
      assert.equal(await (await fetch(`${origin}/sweeps/${copy.id}/epochs.${format}`)).text(), exported);
    }
  });

  it('adds a Keras history to an existing sweep at the next free repeat', async () => {
    const sweep = await importThroughApi({ format: 'CSV', content: results });
    const history = JSON.stringify({
      loss: [1, 0.5],
      sparse_categorical_accuracy: [0.5, 0.75],
      val_loss: [1.1, 0.9],
      val_sparse_categorical_accuracy: [0.4, 0.6],
    });
    const added = await importThroughApi({ format: 'KERAS_HISTORY', content: history, sweepId: sweep.id, batchSize: 128, learningRate: 0.001 });
    assert.equal(added.id, sweep.id);
    assert.deepEqual(
      added.runs.filter((run) => run.batchSize === 128).map((run) => [run.repeat, run.importedFrom]),
      [
        [1, 'api'],
        [2, 'api'],
      ],
    );
  });

  it('ships the reference study as a read-only sweep: exported with its epoch-50 rows, refused as an import target', async () => {
    const list = await postGraphQL<{ sweeps: { nodes: { id: string; builtIn: string | null; readOnly: boolean }[] } }>(
      stack.apiUrl,
      '{ sweeps(first: 100) { nodes { id builtIn readOnly } } }',
    );
    const reference = list.data?.sweeps.nodes.find((sweep) => sweep.builtIn === 'reference-study');
    assert.ok(reference, JSON.stringify(list));
    assert.equal(reference.readOnly, true);
    const rows = (await (await fetch(`${origin}/sweeps/${reference.id}/epochs.json`)).json()) as {
      batch_size: number;
      learning_rate: number;
      epoch: number;
      val_accuracy: number;
    }[];
    assert.deepEqual(
      rows.map((row) => [row.batch_size, row.learning_rate, row.epoch, row.val_accuracy]),
      [
        [32, 0.001, 50, 0.6902],
        [32, 0.1, 50, 0.8382],
        [64, 0.01, 50, 0.6441],
        [128, 0.001, 50, 0.2196],
        [128, 0.1, 50, 0.45],
      ],
    );
    const refused = await postGraphQL(stack.apiUrl, importMutation, { input: { format: 'CSV', content: results, sweepId: reference.id } });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.match(refused.errors?.[0]?.message ?? '', /is read-only, a built-in record/);
  });

  it('refuses a malformed import with BAD_USER_INPUT naming the line, column and value, and stores nothing', async () => {
    const before = await postGraphQL<{ sweeps: { totalCount: number } }>(stack.apiUrl, '{ sweeps { totalCount } }');
    const refused = await postGraphQL(stack.apiUrl, importMutation, {
      input: { format: 'CSV', content: `${results}\r\n128,0.001,1,2,abc,0.9,3.5,0.25,,,,stopped_early,slow,`, filename: 'bad.csv' },
    });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(refused.errors?.[0]?.extensions?.field, ['content']);
    assert.equal(refused.errors?.[0]?.message, 'bad.csv line 8: loss is "abc": expected a finite number of at least 0.');
    const keras = await postGraphQL(stack.apiUrl, importMutation, { input: { format: 'KERAS_HISTORY', content: '{}', learningRate: 0.1 } });
    assert.deepEqual(keras.errors?.[0]?.extensions?.field, ['batchSize']);
    const afterwards = await postGraphQL<{ sweeps: { totalCount: number } }>(stack.apiUrl, '{ sweeps { totalCount } }');
    assert.equal(afterwards.data?.sweeps.totalCount, before.data?.sweeps.totalCount);
  });

  it('answers an unknown sweep with 404 NOT_FOUND and a malformed id with 400 BAD_USER_INPUT, as GraphQL-shaped JSON', async () => {
    const unknown = await fetch(`${origin}/sweeps/999999/epochs.csv`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), {
      errors: [{ message: 'Sweep 999999 does not exist: expected the id of a sweep to export.', extensions: { code: 'NOT_FOUND', field: ['id'] } }],
    });
    const malformed = await fetch(`${origin}/sweeps/abc/epochs.json`);
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), {
      errors: [
        { message: 'id "abc" is not an id: expected a whole number from 1 to 2147483647, such as 12.', extensions: { code: 'BAD_USER_INPUT', field: ['id'] } },
      ],
    });
  });

  it('takes an upload past the 1 MB JSON limit on POST /imports, as a new sweep and then into it', async () => {
    const table = bigTable(30, 1000);
    assert.ok(table.length > 1_048_576, `${table.length} characters`);
    const made = await fetch(`${origin}/imports?format=csv&filename=big.csv&dataset=cifar10`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: table,
    });
    assert.equal(made.status, 201, await made.clone().text());
    const answer = (await made.json()) as { sweepId: string; name: string; created: boolean; runs: number; epochs: number };
    assert.deepEqual({ ...answer, sweepId: undefined }, { sweepId: undefined, name: 'big.csv (imported)', created: true, runs: 30, epochs: 30_000 });
    const history = JSON.stringify({ loss: [1, 0.5], accuracy: [0.5, 0.7], val_loss: [1.1, 0.9], val_accuracy: [0.4, 0.6] });
    const added = await fetch(`${origin}/imports?format=keras-history&sweepId=${answer.sweepId}&batchSize=8&learningRate=0.1`, {
      method: 'POST',
      body: history,
    });
    assert.equal(added.status, 200, await added.clone().text());
    assert.deepEqual(((await added.json()) as { runs: number; epochs: number; created: boolean }).created, false);
    const read = await postGraphQL<{ sweep: { dataset: string; runs: { repeat: number; importedFrom: string }[] } }>(
      stack.apiUrl,
      `query($id: ID!) { sweep(id: $id) { dataset runs { repeat importedFrom } } }`,
      { id: answer.sweepId },
    );
    assert.equal(read.data?.sweep.dataset, 'cifar10');
    assert.equal(read.data?.sweep.runs.length, 31);
    assert.deepEqual(
      read.data?.sweep.runs.filter((run) => run.importedFrom === 'api'),
      [{ repeat: 2, importedFrom: 'api' }],
    );
  });

  it('stores nothing from an upload whose client stops sending midway, and goes on serving', async () => {
    const before = await countRows(db.url);
    const table = bigTable(20, 1000);
    const url = new URL(`${origin}/imports?format=csv`);
    await new Promise<void>((resolve) => {
      const request = httpRequest(url, { method: 'POST', headers: { 'content-length': String(table.length) } });
      request.on('error', () => resolve());
      // Whole lines only: read as the end of the file, they would make a valid import.
      request.write(table.slice(0, table.indexOf('\n', 300_000) + 1), () => {
        // Let the server store what it has read, then cut the connection.
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 500);
      });
    });
    // Wait until the server has ended the import's transaction, however it ended it.
    await sleep(300);
    for (let tries = 0; tries < 100; tries += 1) {
      const [open] = await queryDatabase<{ count: number }>(
        db.url,
        `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
      );
      if (open?.count === 0) break;
      await sleep(100);
    }
    assert.equal(await countRows(db.url), before);
    const health = await fetch(`${origin}/healthz`);
    assert.equal(health.status, 200);
  });

  it('refuses an upload over SWEEPSCOPE_MAX_IMPORT_BYTES with 413 PAYLOAD_TOO_LARGE, storing nothing', async () => {
    const port = await findFreePort();
    const server = await startApiServer({ databaseUrl: db.url, port, env: { SWEEPSCOPE_MAX_IMPORT_BYTES: '100000' } });
    try {
      const before = await countRows(db.url);
      const response = await fetch(`http://127.0.0.1:${port}/imports?format=csv`, { method: 'POST', body: bigTable(5, 1000) });
      assert.equal(response.status, 413);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      assert.equal(body.errors[0]?.extensions.code, 'PAYLOAD_TOO_LARGE');
      assert.match(body.errors[0]?.message ?? '', /^The upload is over 100,000 bytes, the most this server takes \(SWEEPSCOPE_MAX_IMPORT_BYTES\)/);
      assert.equal(await countRows(db.url), before);
    } finally {
      await server.stop();
    }
  });
});
