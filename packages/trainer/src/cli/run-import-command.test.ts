import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ensureReferenceSweep } from '@sweepscope/db/sweeps';
import { useTestDatabase } from '@sweepscope/db/testing';
import { runBuiltCli } from './testing/run-built-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'sweepscope-import-'));
/** Writes a file into this suite's scratch folder and returns its path. */
function writeScratch(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const table = writeScratch(
  'colab.csv',
  [
    'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy',
    '32,0.1,1,1.2,0.6,1.1,0.55',
    '32,0.1,2,0.6,0.8,0.9,0.7',
    '128,0.001,1,2.1,0.3,2.2,0.25',
  ].join('\n'),
);
const history = writeScratch(
  'history.json',
  JSON.stringify({
    loss: [1, 0.7, 0.5],
    sparse_categorical_accuracy: [0.5, 0.6, 0.7],
    val_loss: [1.1, 1, 0.9],
    val_sparse_categorical_accuracy: [0.4, 0.5, 0.6],
  }),
);

describe('sweepscope-train import', () => {
  const database = useTestDatabase();

  it('imports a CSV into a new sweep, prints the sweep, each run and its epochs, and exits 0', async () => {
    const { status, stdout, stderr } = await runBuiltCli(database.url, ['import', table, '--name', 'From Colab', '--dataset', 'tf_flowers']);
    assert.equal(status, 0, stderr);
    const sweepId = Number(/^imported 2 runs \(3 epochs\) from .*colab\.csv into new sweep (\d+): From Colab$/m.exec(stdout)?.[1]);
    assert.ok(sweepId > 0, stdout);
    assert.match(stdout, /^ {2}run \d+: batch size 32, learning rate 0\.1, repeat 1, 2 epochs$/m);
    assert.match(stdout, /^ {2}run \d+: batch size 128, learning rate 0\.001, repeat 1, 1 epoch$/m);
    const sweep = await database.prisma.sweep.findUniqueOrThrow({
      where: { id: sweepId },
      include: { runs: { include: { epochs: true }, orderBy: { id: 'asc' } } },
    });
    assert.deepEqual([sweep.createdBy, sweep.dataset], ['import', 'tf_flowers']);
    assert.deepEqual(
      sweep.runs.map((run) => [run.status, run.importedFrom, run.epochs.length]),
      [
        ['succeeded', 'colab.csv', 2],
        ['succeeded', 'colab.csv', 1],
      ],
    );
  });

  it('adds a Keras history to an existing sweep with --sweep, at the next free repeat of its cell', async () => {
    const first = await runBuiltCli(database.url, ['import', table]);
    const sweepId = /into new sweep (\d+)/.exec(first.stdout)?.[1];
    const { status, stdout, stderr } = await runBuiltCli(database.url, [
      'import',
      history,
      '--sweep',
      String(sweepId),
      '--batch-size',
      '32',
      '--learning-rate',
      '0.1',
    ]);
    assert.equal(status, 0, stderr);
    assert.match(stdout, new RegExp(`^imported 1 run \\(3 epochs\\) from .*history\\.json into sweep ${sweepId}: `, 'm'));
    assert.match(stdout, /batch size 32, learning rate 0\.1, repeat 2, 3 epochs/);
  });

  it('exits 2 naming the file, line, column and value for a malformed file, and stores nothing', async () => {
    const bad = writeScratch('bad.csv', 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy\n32,0.1,1,1,0.5,1,0.5\n32,0.1,2,NaN,0.5,1,0.5\n');
    const before = await database.prisma.run.count();
    const { status, stdout, stderr } = await runBuiltCli(database.url, ['import', bad]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `sweepscope-train: ${bad} line 3: loss is "NaN": expected a finite number of at least 0.\n`);
    assert.equal(await database.prisma.run.count(), before);
  });

  it('exits 2 for a missing file, a Keras history without its cell and an unknown sweep; 1 for a read-only one', async () => {
    const missing = await runBuiltCli(database.url, ['import', join(scratch, 'nope.csv')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.csv cannot be read \(ENOENT\): expected the path of a results file\./);
    const noCell = await runBuiltCli(database.url, ['import', history, '--format', 'keras-history', '--learning-rate', '0.1']);
    assert.equal(noCell.status, 2);
    assert.match(noCell.stderr, /^sweepscope-train: --batch-size is missing: expected the batch size the run trained with/);
    const unknown = await runBuiltCli(database.url, ['import', table, '--sweep', '999999']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Sweep 999999 does not exist/);
    const reference = await ensureReferenceSweep(database.prisma);
    const readOnly = await runBuiltCli(database.url, ['import', table, '--sweep', String(reference.id)]);
    assert.equal(readOnly.status, 1);
    assert.match(readOnly.stderr, /is read-only, a built-in record: expected a sweep of your own to import results into\./);
  });
});
