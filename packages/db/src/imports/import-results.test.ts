import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { ensureReferenceSweep } from '../sweeps/ensure-reference-sweep.js';
import { queryDatabase, useTestDatabase } from '../testing/index.js';
import { importResults } from './import-results.js';

const header = 'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second';
const table = [header, '32,0.1,1,1,1.5,0.5,1.6,0.45,1200,410.5', '32,0.1,1,2,0.9,0.7,1.1,0.6,1180,415', '128,0.001,1,1,2.2,0.2,2.3,0.15,,'].join('\n');

/** How many sweeps, runs, epochs and stored events the database holds. */
async function countRows(url: string) {
  const [row] = await queryDatabase<{ sweeps: number; runs: number; epochs: number; events: number }>(
    url,
    `
    SELECT (SELECT count(*) FROM "Sweep")::int AS sweeps, (SELECT count(*) FROM "Run")::int AS runs,
           (SELECT count(*) FROM "Epoch")::int AS epochs, (SELECT count(*) FROM "SweepEvent")::int AS events`,
  );
  assert.ok(row);
  return row;
}

/** Asserts the promise rejects with a SweepscopeError of this code, and returns it. */
async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<SweepscopeError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('importResults', () => {
  const database = useTestDatabase();

  it('makes a new sweep from a table: one succeeded run per cell and repeat, each epoch under attempt 1', async () => {
    const { sweep, created, runs } = await importResults(database.prisma, {
      results: { format: 'csv', content: table },
      importedFrom: 'colab.csv',
    });
    assert.equal(created, true);
    assert.deepEqual(
      {
        name: sweep.name,
        createdBy: sweep.createdBy,
        dataset: sweep.dataset,
        epochs: sweep.epochs,
        repeats: sweep.repeats,
        alpha: sweep.alpha,
        inputSize: sweep.inputSize,
        readOnly: sweep.readOnly,
      },
      { name: 'colab.csv (imported)', createdBy: 'import', dataset: 'unnamed (imported)', epochs: 2, repeats: 1, alpha: 1, inputSize: 224, readOnly: false },
    );
    assert.deepEqual(
      sweep.runs.map(({ batchSize, learningRate, repeat, status, attempt, importedFrom, seed }) => ({
        batchSize,
        learningRate,
        repeat,
        status,
        attempt,
        importedFrom,
        seed,
      })),
      [
        { batchSize: 32, learningRate: 0.1, repeat: 1, status: 'succeeded', attempt: 1, importedFrom: 'colab.csv', seed: 42 },
        { batchSize: 128, learningRate: 0.001, repeat: 1, status: 'succeeded', attempt: 1, importedFrom: 'colab.csv', seed: 42 },
      ],
    );
    assert.ok(sweep.runs.every((run) => run.finishedAt instanceof Date));
    assert.deepEqual(
      runs.map((run) => run.epochCount),
      [2, 1],
    );
    const epochs = await database.prisma.epoch.findMany({ where: { run: { sweepId: sweep.id } }, orderBy: [{ runId: 'asc' }, { epoch: 'asc' }] });
    assert.deepEqual(
      epochs.map(({ attempt, epoch, loss, valAccuracy, durationMs, imagesPerSecond }) => [attempt, epoch, loss, valAccuracy, durationMs, imagesPerSecond]),
      [
        [1, 1, 1.5, 0.45, 1200, 410.5],
        [1, 2, 0.9, 0.6, 1180, 415],
        [1, 1, 2.2, 0.15, null, null],
      ],
    );
  });

  it('announces each run and each epoch through the sweep’s event log, as training does', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'api' });
    const events = await database.prisma.sweepEvent.findMany({ where: { sweepId: sweep.id }, orderBy: { id: 'asc' } });
    const [first, second] = sweep.runs;
    assert.deepEqual(
      events.map((event) => `${event.name} ${event.runId === first?.id ? 'a' : event.runId === second?.id ? 'b' : '?'}`),
      ['run:updated a', 'epoch:added a', 'epoch:added a', 'run:updated b', 'epoch:added b'],
    );
    assert.deepEqual(events[0]?.payload, { sweepId: sweep.id, runId: first?.id, status: 'succeeded' });
    assert.equal(sweep.name, 'unnamed (imported) 32:0.1 128:0.001');
  });

  it('keeps the settings given for a new sweep, any data set name included, and checks them as createSweep does', async () => {
    const { sweep } = await importResults(database.prisma, {
      results: { format: 'csv', content: table },
      sweep: { name: 'Flowers on Colab', dataset: 'tf_flowers', alpha: 0.5, inputSize: 160 },
      importedFrom: 'api',
    });
    assert.deepEqual([sweep.name, sweep.dataset, sweep.alpha, sweep.inputSize], ['Flowers on Colab', 'tf_flowers', 0.5, 160]);
    assert.deepEqual(
      sweep.unstatedSettings,
      ['batchNormMomentum', 'shuffleBuffer', 'seed', 'trainLimit', 'valLimit', 'weights'],
      'the settings it was not given are recorded as never stated',
    );
    const bare = await importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'bare.csv' });
    assert.deepEqual(bare.sweep.unstatedSettings, [
      'dataset',
      'alpha',
      'inputSize',
      'batchNormMomentum',
      'shuffleBuffer',
      'seed',
      'trainLimit',
      'valLimit',
      'weights',
    ]);
    const preset = await importResults(database.prisma, { results: { format: 'csv', content: table }, sweep: { preset: 'quick' }, importedFrom: 'quick.csv' });
    assert.deepEqual(preset.sweep.unstatedSettings, ['dataset', 'seed', 'weights'], 'a preset named states its settings');
    const before = await countRows(database.url);
    const refused = await rejection(
      importResults(database.prisma, { results: { format: 'csv', content: table }, sweep: { inputSize: 16 }, importedFrom: 'api' }),
      ErrorCode.BadUserInput,
    );
    assert.equal(refused.message, 'inputSize is 16: expected a whole number from 32 to 1024.');
    assert.deepEqual(await countRows(database.url), before);
  });

  it('adds a Keras history to an existing sweep, at the next free repeat when the sweep has that cell’s repeat', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'first.csv' });
    const history = JSON.stringify({ loss: [1, 0.5, 0.25], accuracy: [0.5, 0.6, 0.7], val_loss: [1, 0.9, 0.8], val_accuracy: [0.4, 0.5, 0.6] });
    const added = await importResults(database.prisma, {
      results: { format: 'keras-history', content: history, batchSize: 32, learningRate: 0.1 },
      sweepId: sweep.id,
      importedFrom: 'history.json',
    });
    assert.equal(added.created, false);
    assert.equal(added.sweep.id, sweep.id);
    assert.deepEqual(
      added.runs.map(({ batchSize, learningRate, repeat, seed, epochCount }) => [batchSize, learningRate, repeat, seed, epochCount]),
      [[32, 0.1, 2, 43, 3]],
    );
    assert.equal(added.sweep.runs.length, 3);
    assert.equal(added.sweep.repeats, 2);
    // A new cell keeps the repeat it was given.
    const other = await importResults(database.prisma, {
      results: { format: 'keras-history', content: history, batchSize: 64, learningRate: 0.01 },
      sweepId: sweep.id,
      importedFrom: 'api',
    });
    assert.deepEqual(
      other.runs.map((run) => run.repeat),
      [1],
    );
  });

  it('refuses an import that would give a cell a 101st repeat, storing nothing', async () => {
    const hundred = [header, ...Array.from({ length: 100 }, (_, i) => `32,0.1,${i + 1},1,1,0.5,1,0.5,,`)].join('\n');
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: hundred }, importedFrom: 'hundred.csv' });
    const before = await countRows(database.url);
    const refused = await rejection(
      importResults(database.prisma, {
        results: { format: 'csv', content: `${header}\n32,0.1,1,1,1,0.5,1,0.5,,` },
        sweepId: sweep.id,
        importedFrom: 'one more.csv',
      }),
      ErrorCode.BadUserInput,
    );
    assert.equal(
      refused.message,
      `Cell 32:0.1 of sweep ${sweep.id} would get repeat 101: a sweep holds at most 100 repeats of a cell. Import into a new sweep.`,
    );
    assert.deepEqual(await countRows(database.url), before);
  });

  it('refuses an unknown sweep with NOT_FOUND and a read-only one with CONFLICT, storing nothing', async () => {
    const reference = await ensureReferenceSweep(database.prisma);
    const before = await countRows(database.url);
    const missing = await rejection(
      importResults(database.prisma, { results: { format: 'csv', content: table }, sweepId: 999_999, importedFrom: 'api' }),
      ErrorCode.NotFound,
    );
    assert.equal(missing.message, 'Sweep 999999 does not exist: expected the id of a sweep to import results into.');
    assert.deepEqual(missing.field, ['sweepId']);
    const readOnly = await rejection(
      importResults(database.prisma, { results: { format: 'csv', content: table }, sweepId: reference.id, importedFrom: 'api' }),
      ErrorCode.Conflict,
    );
    assert.match(
      readOnly.message,
      new RegExp(`^Sweep ${reference.id} \\("Reference study.*"\\) is read-only, a built-in record: expected a sweep of your own to import results into\\.$`),
    );
    assert.deepEqual(await countRows(database.url), before);
  });

  it('names a new sweep after a file name of up to 200 characters, and refuses a longer one', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: `${'f'.repeat(196)}.csv` });
    assert.equal(sweep.name, `${'f'.repeat(189)} (imported)`);
    const before = await countRows(database.url);
    const refused = await rejection(
      importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'f'.repeat(201) }),
      ErrorCode.BadUserInput,
    );
    assert.equal(refused.message, 'The file name is 201 characters long: expected at most 200 characters.');
    assert.deepEqual(await countRows(database.url), before);
  });

  it('stores nothing when any row is refused, even after valid rows', async () => {
    const before = await countRows(database.url);
    const refused = await rejection(
      importResults(database.prisma, { results: { format: 'csv', content: `${table}\n128,0.001,1,2,2.0,1.2,2.1,0.2,,` }, importedFrom: 'api' }),
      ErrorCode.BadUserInput,
    );
    assert.equal(refused.message, 'content line 5: accuracy is "1.2": expected a fraction from 0 to 1.');
    assert.deepEqual(refused.field, ['content']);
    assert.deepEqual(await countRows(database.url), before);
  });

  it('stores nothing when the database refuses a write midway through', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'api' });
    const before = await countRows(database.url);
    // A trigger that fails the second run's insert, after the first run and its epochs were written.
    await queryDatabase(
      database.url,
      `
      CREATE FUNCTION refuse_second_run() RETURNS trigger AS $$
      BEGIN IF NEW."batchSize" = 128 THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await queryDatabase(database.url, `CREATE TRIGGER refuse_second_run BEFORE INSERT ON "Run" FOR EACH ROW EXECUTE FUNCTION refuse_second_run()`);
    try {
      await assert.rejects(importResults(database.prisma, { results: { format: 'csv', content: table }, sweepId: sweep.id, importedFrom: 'api' }));
      await assert.rejects(importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'api' }));
    } finally {
      await queryDatabase(database.url, `DROP TRIGGER refuse_second_run ON "Run"; DROP FUNCTION refuse_second_run()`);
    }
    assert.deepEqual(await countRows(database.url), before);
  });

  it('groups rows into runs whatever order they come in, and reads a stream as it reads text', async () => {
    const shuffled = [header, '128,0.001,1,1,2.2,0.2,2.3,0.15,,', '32,0.1,1,2,0.9,0.7,1.1,0.6,1180,415', '32,0.10,1,1,1.5,0.5,1.6,0.45,1200,410.5'].join(
      '\r\n',
    );
    async function* pieces(): AsyncGenerator<Uint8Array> {
      const bytes = new TextEncoder().encode(shuffled);
      for (let start = 0; start < bytes.length; start += 7) yield bytes.subarray(start, start + 7);
    }
    for (const content of [shuffled, pieces()]) {
      const { sweep, runs } = await importResults(database.prisma, { results: { format: 'csv', content }, importedFrom: 'api' });
      assert.deepEqual(
        runs.map((run) => [run.batchSize, run.learningRate, run.epochCount]),
        [
          [128, 0.001, 1],
          [32, 0.1, 2],
        ],
      );
      const epochs = await database.prisma.epoch.findMany({ where: { run: { sweepId: sweep.id } }, orderBy: [{ runId: 'asc' }, { epoch: 'asc' }] });
      assert.deepEqual(
        epochs.map(({ epoch, loss }) => [epoch, loss]),
        [
          [1, 2.2],
          [1, 1.5],
          [2, 0.9],
        ],
      );
    }
  });

  it('refuses runs whose rows disagree, naming the first such row in the file and the rows it clashes with, and stores nothing', async () => {
    const short = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy';
    const refusals: [string, string][] = [
      [`${short}\n`, 'runs.csv has no epoch rows: expected one row per epoch of each run.'],
      [
        `${short}\n32,0.1,1,1,0.5,1,0.5\n32,0.10,1,2,0.5,1,0.5\n`,
        'runs.csv line 3: epoch 1 of the run batch_size 32, learning_rate 0.1, repeat 1 is also at runs.csv line 2: expected each epoch of a run once.',
      ],
      [
        `${short},status\n8,0.5,1,1,0.5,1,0.5,pruned\n8,0.5,2,1,0.5,1,0.5,succeeded\n8,0.5,1,1,0.5,1,0.5,pruned\n`,
        'runs.csv line 3: status is succeeded but the run batch_size 8, learning_rate 0.5, repeat 1 is pruned at runs.csv line 2: expected one status for every row of a run.',
      ],
      [
        `${short}\n32,0.1,2,1,0.5,1,0.5\n32,0.1,3,1,0.5,1,0.5\n`,
        'runs.csv line 2: epoch is 2, the first of the run batch_size 32, learning_rate 0.1, repeat 1: expected its epochs to start at 1.',
      ],
      [
        `${short}\n16,0.1,1,1,0.5,1,0.5\n32,0.1,1,1,0.5,1,0.5\n32,0.1,2,1,0.5,1,0.5\n32,0.1,4,1,0.5,1,0.5\n16,0.1,3,1,0.5,1,0.5\n`,
        'runs.csv line 6: epoch is 3 but the run batch_size 16, learning_rate 0.1, repeat 1 has no epoch 2: expected every epoch from 1 to 3.',
      ],
      [
        `${short},tags\n8,0.5,1,1,0.5,1,0.5,\n8,0.5,2,1,0.5,1,0.5,"a,b"\n8,0.5,3,1,0.5,1,0.5,a\n`,
        'runs.csv line 4: tags are "a" but the run batch_size 8, learning_rate 0.5, repeat 1 has "a,b" at runs.csv line 3: expected the same tags on every row of a run that gives them.',
      ],
      [
        `${short},notes\n8,0.5,1,1,0.5,1,0.5,first\n8,0.5,2,1,0.5,1,0.5,second\n`,
        'runs.csv line 3: notes are "second" but the run batch_size 8, learning_rate 0.5, repeat 1 has "first" at runs.csv line 2: expected the same notes on every row of a run that gives them.',
      ],
      [`${short},tags\n8,0.5,1,1,0.5,1,0.5,"a,,b"\n`, 'runs.csv line 2: tags has an empty tag: expected tags of 1 to 64 characters, separated by commas.'],
    ];
    const before = await countRows(database.url);
    for (const [content, message] of refusals) {
      const refused = await rejection(
        importResults(database.prisma, { results: { format: 'csv', content }, importedFrom: 'api', source: 'runs.csv' }),
        ErrorCode.BadUserInput,
      );
      assert.equal(refused.message, message);
      assert.deepEqual(refused.field, ['content']);
    }
    const empty = await rejection(importResults(database.prisma, { results: { format: 'json', content: '[]' }, importedFrom: 'api' }), ErrorCode.BadUserInput);
    assert.equal(empty.message, 'content has no epoch rows: expected one row per epoch of each run.');
    assert.deepEqual(await countRows(database.url), before);
  });

  it("stores each run's tags and notes from the rows that give them, and the new sweep's from the settings", async () => {
    const content = JSON.stringify([
      { batch_size: 8, learning_rate: 0.5, epoch: 1, loss: 1, accuracy: 0.5, val_loss: 1, val_accuracy: 0.5, tags: ['spiky', 'look'], notes: '' },
      { batch_size: 8, learning_rate: 0.5, epoch: 2, loss: 1, accuracy: 0.5, val_loss: 1, val_accuracy: 0.5, notes: 'diverged late\nretry?' },
      { batch_size: 16, learning_rate: 0.5, epoch: 1, loss: 1, accuracy: 0.5, val_loss: 1, val_accuracy: 0.5, tags: 'fine' },
      { batch_size: 32, learning_rate: 0.5, epoch: 1, loss: 1, accuracy: 0.5, val_loss: 1, val_accuracy: 0.5 },
    ]);
    const { sweep } = await importResults(database.prisma, {
      results: { format: 'json', content },
      importedFrom: 'api',
      sweep: { tags: 'colab, fig-3', notes: 'from the paper' },
    });
    assert.deepEqual([sweep.tags, sweep.notes], [['colab', 'fig-3'], 'from the paper']);
    assert.deepEqual(
      sweep.runs.map((run) => [run.batchSize, run.tags, run.notes]),
      [
        [8, ['spiky', 'look'], 'diverged late\nretry?'],
        [16, ['fine'], ''],
        [32, [], ''],
      ],
    );
    const refused = await rejection(
      importResults(database.prisma, {
        results: {
          format: 'json',
          content: '[{"batch_size":8,"learning_rate":0.5,"epoch":1,"loss":1,"accuracy":0.5,"val_loss":1,"val_accuracy":0.5,"tags":[1]}]',
        },
        importedFrom: 'api',
      }),
      ErrorCode.BadUserInput,
    );
    assert.equal(refused.message, 'content row 1: tags is [1]: expected a list of tags, or text with tags separated by commas.');
  });

  it('refuses a file of more runs than a sweep holds before making any', async () => {
    const rows = Array.from({ length: 10_001 }, (_, index) => `${index + 1},0.1,1,1,0.5,1,0.5`);
    const content = ['batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy', ...rows].join('\n');
    const before = await countRows(database.url);
    const refused = await rejection(importResults(database.prisma, { results: { format: 'csv', content }, importedFrom: 'api' }), ErrorCode.BadUserInput);
    assert.equal(refused.message, 'content holds 10,001 runs: a sweep holds at most 10,000. Split it into several imports, each a sweep.');
    assert.deepEqual(await countRows(database.url), before);
  });

  it('refuses sweep settings given with an existing sweep, which keeps its own', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: table }, importedFrom: 'api' });
    const refused = await rejection(
      importResults(database.prisma, { results: { format: 'csv', content: table }, sweepId: sweep.id, sweep: { dataset: 'x' }, importedFrom: 'api' }),
      ErrorCode.BadUserInput,
    );
    assert.equal(refused.message, 'dataset is given with sweepId: expected settings only for a new sweep (an existing sweep keeps its own).');
  });
});
