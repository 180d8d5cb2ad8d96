import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { postGraphQL } from '../support/post-graphql.js';
import { startStack, type Stack } from '../support/start-stack.js';

interface ImportedSweep {
  id: string;
  name: string;
  createdBy: string;
  readOnly: boolean;
  runs: { batchSize: number; learningRate: number; repeat: number; status: string; importedFrom: string | null }[];
}

const importMutation = `mutation($input: ImportResultsInput!) {
  importResults(input: $input) { id name createdBy readOnly runs { batchSize learningRate repeat status importedFrom } } }`;

/** Two cells, one trained twice, metrics with every digit a double holds, one epoch without timings, and how each run ended. */
const results = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second,status',
  '32,0.1,1,1,1.2345678901234567,0.5,1.4,0.45,2100,190.25,succeeded',
  '32,0.1,1,2,0.00084681,1,0.5873,0.8382,2050,195.5,succeeded',
  '32,0.1,2,1,1.3,0.48,1.5,0.41,2200,180,pruned',
  '128,0.001,1,1,1.9535,0.8559,3.7203,0.2196,,,stopped_early',
].join('\r\n');

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

  it('exports a sweep as CSV and JSON attachments that import back into an identical sweep', async () => {
    const original = await importThroughApi({ format: 'CSV', content: results });
    for (const format of ['csv', 'json'] as const) {
      const response = await fetch(`${origin}/sweeps/${original.id}/epochs.${format}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', format === 'csv' ? /^text\/csv; charset=utf-8/ : /^application\/json; charset=utf-8/);
      assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="?sweep-${original.id}-epochs\\.${format}"?$`));
      const exported = await response.text();
      if (format === 'csv') assert.equal(exported, `${results}\r\n`);
      const copy = await importThroughApi({ format: format.toUpperCase(), content: exported, filename: `sweep-${original.id}-epochs.${format}` });
      assert.notEqual(copy.id, original.id);
      const cells = (sweep: ImportedSweep) => sweep.runs.map((run) => `${run.batchSize}:${run.learningRate}#${run.repeat} ${run.status}`);
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
      input: { format: 'CSV', content: `${results}\r\n128,0.001,1,2,abc,0.9,3.5,0.25,,,stopped_early`, filename: 'bad.csv' },
    });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(refused.errors?.[0]?.extensions?.field, ['content']);
    assert.equal(refused.errors?.[0]?.message, 'bad.csv line 6: loss is "abc": expected a finite number of at least 0.');
    const keras = await postGraphQL(stack.apiUrl, importMutation, { input: { format: 'KERAS_HISTORY', content: '{}', learningRate: 0.1 } });
    assert.deepEqual(keras.errors?.[0]?.extensions?.field, ['batchSize']);
    const afterwards = await postGraphQL<{ sweeps: { totalCount: number } }>(stack.apiUrl, '{ sweeps { totalCount } }');
    assert.equal(afterwards.data?.sweeps.totalCount, before.data?.sweeps.totalCount);
  });

  it('answers an unknown sweep with 404 NOT_FOUND and a malformed id with 400 BAD_USER_INPUT, as JSON', async () => {
    const unknown = await fetch(`${origin}/sweeps/999999/epochs.csv`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: 'Sweep 999999 does not exist: expected the id of a sweep to export.', code: 'NOT_FOUND' });
    const malformed = await fetch(`${origin}/sweeps/abc/epochs.json`);
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), {
      error: 'id "abc" is not an id: expected a whole number from 1 to 2147483647, such as 12.',
      code: 'BAD_USER_INPUT',
    });
  });
});
