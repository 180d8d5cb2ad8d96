import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importResults } from '@sweepscope/db/imports';
import { retryRun } from '@sweepscope/db/runs';
import { createSweep } from '@sweepscope/db/sweeps';
import { useTestDatabase } from '@sweepscope/db/testing';
import { builtCli, runBuiltCli } from './testing/run-built-cli.js';

describe('sweepscope-train', () => {
  const database = useTestDatabase();

  const scratch = mkdtempSync(join(tmpdir(), 'sweepscope-cli-'));
  const emptyFolder = mkdtempSync(join(scratch, 'empty-'));
  const notAModel = join(scratch, 'not-a-model.json');
  writeFileSync(notAModel, JSON.stringify({ hello: 'world' }));

  const refusals: [string, string[], RegExp][] = [
    ['a learning rate that is not a number', ['--cells', '32:abc'], /--cells has learning rate "abc" in "32:abc": expected a number/],
    ['a learning rate of 0', ['--cells', '32:0'], /--cells has learning rate "0" in "32:0": expected a number greater than 0/],
    ['a batch size below 1', ['--batch-sizes', '0,8', '--learning-rates', '0.1'], /--batch-sizes has batch size "0": expected a whole number of at least 1\./],
    [
      'a batch size larger than the training set',
      ['--preset', 'smoke', '--cells', '8:0.1,64:0.1'],
      /--cells has batch size 64, more than the 32 training images: expected batch sizes of at most 32, or more training images \(--train-limit\)\./,
    ],
    ['an α of 0', ['--alpha', '0'], /--alpha is 0: expected a width multiplier greater than 0/],
    ['an unknown flag', ['--cells', '8:0.1', '--bogus'], /Unknown flag --bogus: the flags are --preset, --cells, /],
    ['a word for a number', ['--cells', '8:0.1', '--epochs', 'two'], /--epochs "two" is not valid: expected a whole number\./],
    ['an input size below 32', ['--cells', '8:0.1', '--input-size', '16'], /--input-size is 16: expected a whole number from 32 to 1024\./],
    [
      'a batch-norm momentum of 1',
      ['--cells', '8:0.1', '--batch-norm-momentum', '1'],
      /--batch-norm-momentum is 1: expected a number from 0 up to but not including 1/,
    ],
    ['an unknown data set', ['--cells', '8:0.1', '--dataset', 'cifar'], /--dataset is "cifar": expected one of synthetic, fashion-mnist, images\./],
    ['an unknown backend', ['--backend', 'gpu'], /--backend "gpu" is not valid: expected one of auto, /],
    ['an unknown preset', ['--preset', 'fast'], /--preset is "fast": expected one of seed, quick, smoke\./],
    ['an empty image folder', ['--dataset', 'images', '--data-dir', emptyFolder], new RegExp(`${emptyFolder}.*`)],
    ['a weights file that is not a model', ['--preset', 'smoke', '--weights', notAModel], new RegExp(`${notAModel} is not a TensorFlow\\.js layers model`)],
    ['a divergence factor below 2', ['--cells', '8:0.1', '--divergence-factor', '1'], /--divergence-factor is 1: expected a number from 2 to 1e12/],
    ['a retry without a run id', ['retry'], /retry is given without a run id: expected sweepscope-train retry RUN_ID/],
    ['a run id beyond 32 bits', ['retry', '2147483648'], /retry is given "2147483648": expected sweepscope-train retry RUN_ID/],
    ['a retry of a run that does not exist', ['retry', '999999'], /Run 999999 does not exist/],
    ['--from-scratch without retry', ['--from-scratch'], /--from-scratch goes with the retry subcommand/],
    [
      'a learning rate of 1e300',
      ['--cells', '8:1e300'],
      /--cells has learning rate "1e300" in "8:1e300": expected a number greater than 0 and at most 3\.4e38/,
    ],
    ['a name of 201 characters', ['--cells', '8:0.1', '--name', 'n'.repeat(201)], /--name is 201 characters long: expected at most 200 characters\./],
    ['a plan whose probe trains one epoch', ['plan', '--preset', 'smoke', '--epochs', '1'], /--epochs is 1: expected at least 2 for a probe/],
    ['an empty tag', ['--cells', '8:0.1', '--tags', 'baseline,,fig-3'], /--tags has an empty tag: expected tags of 1 to 64 characters, separated by commas\./],
    [
      'notes of 10,001 characters',
      ['--cells', '8:0.1', '--notes', 'n'.repeat(10_001)],
      /--notes is 10,001 characters long: expected at most 10,000 characters\./,
    ],
    ['a worker for a sweep id beyond 32 bits', ['worker', '--sweep', '2147483648'], /--sweep .*2147483648.*expected a whole number from 1 to 2147483647/],
    [
      'an import into a sweep id beyond 32 bits',
      ['import', 'results.csv', '--sweep', '2147483648'],
      /--sweep .*2147483648.*expected a whole number from 1 to 2147483647/,
    ],
  ];
  for (const [problem, args, message] of refusals) {
    it(`exits with status 2 and says why for ${problem}, creating no sweep`, async () => {
      const { status, stdout, stderr } = await runBuiltCli(database.url, args);
      assert.equal(status, 2, `stderr: ${stderr}`);
      assert.match(stderr, /^sweepscope-train: /);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /unexpected error/);
      assert.equal(stdout, '');
      assert.equal(await database.prisma.sweep.count({ where: { createdBy: 'cli' } }), 0);
    });
  }

  it('plans a grid from a short probe: the critical batch size it measured and the cells, storing nothing', async () => {
    const { status, stdout, stderr } = await runBuiltCli(database.url, [
      'plan',
      '--preset',
      'smoke',
      '--train-limit',
      '256',
      '--cells',
      '16:0.05',
      '--backend',
      'wasm',
      '--json',
    ]);
    assert.equal(status, 0, stderr);
    assert.match(stderr, /^probe: batch 16, learning rate 0\.05, 3 epochs on 256 synthetic images/m);
    assert.match(stderr, /^epoch 1\/3: loss [\d.]+, gradient noise scale –$/m);
    const plan = JSON.parse(stdout) as { criticalBatchSize: number; maxLearningRate: number; cells: { batchSize: number; learningRate: number }[] };
    assert.ok(plan.criticalBatchSize > 0, stdout);
    const batchSizes = [...new Set(plan.cells.map((cell) => cell.batchSize))];
    assert.ok(batchSizes.length >= 2 && batchSizes.every((size) => size >= 8 && size <= 256), stdout);
    // Three learning rates a batch size, half a decade apart, the middle one on ε_max / (1 + B_crit / B).
    const middle = plan.cells.filter((cell) => cell.batchSize === batchSizes[0])[1]!;
    assert.equal(middle.learningRate, Number((plan.maxLearningRate / (1 + plan.criticalBatchSize / middle.batchSize)).toPrecision(2)));
    assert.equal(await database.prisma.sweep.count({ where: { createdBy: 'cli' } }), 0);
  });

  it('exits with status 2 and says why for a malformed lease setting, creating no sweep', async () => {
    process.env.SWEEPSCOPE_LEASE_MS = '30s';
    try {
      for (const args of [['--preset', 'smoke'], ['worker']]) {
        const { status, stderr } = await runBuiltCli(database.url, args);
        assert.equal(status, 2, stderr);
        assert.match(stderr, /^sweepscope-train: SWEEPSCOPE_LEASE_MS must be a positive whole number \(the lease length in milliseconds\), got "30s"\.$/m);
      }
    } finally {
      delete process.env.SWEEPSCOPE_LEASE_MS;
    }
    assert.equal(await database.prisma.sweep.count({ where: { createdBy: 'cli' } }), 0);
  });

  it('trains a tiny sweep, exits 0 and prints the results table in the reference study’s form', { timeout: 60_000 }, async () => {
    const { status, stdout, stderr } = await runBuiltCli(
      database.url,
      ['--preset', 'smoke', '--cells', '8:0.1', '--train-limit', '16', '--val-limit', '8', '--backend', 'cpu'],
      60_000,
    );
    assert.equal(status, 0, `stderr: ${stderr}`);
    assert.match(stdout, /epoch 1\/1: loss \d/);
    assert.match(stdout, /^batch size {2}learning rate {2}loss +accuracy +val_loss +val_accuracy +status +epochs +time +backend$/m);
    assert.match(stdout, /^8 +0\.1 +\d\.\d{4} +\d\.\d{4} +\d\.\d{4} +\d\.\d{4} +succeeded +1 /m);
    const runs = await database.prisma.run.findMany({
      where: { sweep: { createdBy: 'cli' } },
      include: { epochs: true, sweep: { select: { classes: true, valImages: true } } },
    });
    assert.deepEqual(
      runs.map((run) => [run.status, run.epochs.length]),
      [['succeeded', 1]],
    );
    // Where chance lies, as the worker found the data: the synthetic set's 4 classes, 8 validation images.
    assert.deepEqual(runs[0]?.sweep, { classes: 4, valImages: 8 });
  });

  it("measures the gradient noise scale at the sweep's --noise-scale-interval, and not at all with 0", { timeout: 90_000 }, async () => {
    const noiseScales = async (interval: string): Promise<(number | null)[]> => {
      const args = ['--preset', 'smoke', '--cells', '8:0.1', '--train-limit', '32', '--epochs', '2', '--noise-scale-interval', interval, '--backend', 'wasm'];
      const { status, stderr } = await runBuiltCli(database.url, [...args, '--name', `every ${interval}`], 90_000);
      assert.equal(status, 0, `stderr: ${stderr}`);
      const sweep = await database.prisma.sweep.findFirstOrThrow({
        where: { name: `every ${interval}` },
        include: { runs: { include: { epochs: { orderBy: { epoch: 'asc' } } } } },
      });
      assert.equal(sweep.noiseScaleInterval, Number(interval));
      return sweep.runs[0]!.epochs.map((epoch) => epoch.noiseScale);
    };
    // Every step of the second epoch measures (4 steps of 8 images); the first never does.
    const measured = await noiseScales('1');
    assert.equal(measured[0], null);
    assert.ok(measured[1] === null || measured[1]! > 0, String(measured[1]));
    // The averages in the last checkpoint counted every step of the second epoch, where the default would count none of 4.
    const checkpoint = await database.prisma.checkpoint.findFirstOrThrow({ where: { run: { sweep: { name: 'every 1' } } } });
    assert.equal((checkpoint.state as { noiseScale?: { count: number } }).noiseScale?.count, 4);
    assert.deepEqual(await noiseScales('0'), [null, null]);
    // Not measured at all, where the default interval would carry averages of no measurement.
    const unmeasured = await database.prisma.checkpoint.findFirstOrThrow({ where: { run: { sweep: { name: 'every 0' } } } });
    assert.equal((unmeasured.state as { noiseScale?: unknown }).noiseScale, undefined);
  });

  it('records a run whose loss explodes as diverged, saying in which batch and by which rule, and a sane one as succeeded', { timeout: 60_000 }, async () => {
    const { status, stderr } = await runBuiltCli(
      database.url,
      ['--preset', 'smoke', '--cells', '8:100,8:0.01', '--epochs', '2', '--backend', 'wasm', '--name', 'exploding'],
      60_000,
    );
    assert.equal(status, 0, stderr);
    const runs = await database.prisma.run.findMany({
      where: { sweep: { name: 'exploding' } },
      orderBy: { learningRate: 'desc' },
      select: { status: true, error: true, divergenceRule: true, divergenceEpoch: true, divergenceBatch: true, divergenceLoss: true },
    });
    assert.deepEqual(
      runs.map((run) => run.status),
      ['diverged', 'succeeded'],
    );
    // The same as the text, in columns: the epoch and batch the error names, and the loss when it was a number.
    const [epoch, batch] = /epoch (\d+), batch (\d+)/
      .exec(runs[0]?.error ?? '')!
      .slice(1)
      .map(Number);
    assert.deepEqual([runs[0]?.divergenceEpoch, runs[0]?.divergenceBatch], [epoch, batch]);
    assert.ok(runs[0]?.error?.includes(runs[0].divergenceRule ?? '∅'), `${runs[0]?.divergenceRule} in ${runs[0]?.error}`);
    assert.equal(runs[1]?.divergenceRule, null);
    assert.match(
      runs[0]?.error ?? '',
      /^Diverged in epoch 1, batch \d: the loss (exceeded 10 × ln 4 = 13\.9 nats, 10 times a uniform guess's; loss [\d.e+]+|became (NaN|Infinity))\.$/,
    );

    // The factor is the sweep's: at 2, the lr 0.1 run that trains at 5 to 7 nats (4 classes,
    // ln 4 = 1.39) counts as diverged too.
    const strict = await runBuiltCli(
      database.url,
      ['--preset', 'smoke', '--cells', '8:0.1', '--train-limit', '64', '--epochs', '2', '--backend', 'wasm', '--divergence-factor', '2', '--name', 'strict'],
      60_000,
    );
    assert.equal(strict.status, 0, strict.stderr);
    const [run] = await database.prisma.run.findMany({
      where: { sweep: { name: 'strict' } },
      select: { status: true, error: true, sweep: { select: { divergenceFactor: true } } },
    });
    assert.equal(run?.sweep.divergenceFactor, 2);
    assert.match(run?.error ?? '', /^Diverged in epoch 1, batch \d: the loss exceeded 2 × ln 4 = 2\.8 nats, 2 times a uniform guess's; loss [\d.]+\.$/);
  });

  it('stops a run early once its validation loss stops improving, keeping its best epoch as the result', { timeout: 90_000 }, async () => {
    const { status, stdout, stderr } = await runBuiltCli(
      database.url,
      [
        '--preset',
        'smoke',
        '--cells',
        '8:0.1',
        '--epochs',
        '6',
        '--train-limit',
        '32',
        '--val-limit',
        '16',
        '--early-stop',
        '1',
        '--backend',
        'cpu',
        '--name',
        'early',
      ],
      90_000,
    );
    assert.equal(status, 0, stderr);
    const run = await database.prisma.run.findFirstOrThrow({
      where: { sweep: { name: 'early' } },
      include: { epochs: { orderBy: { epoch: 'asc' } }, sweep: true },
    });
    assert.equal(run.sweep.earlyStopPatience, 1);
    assert.equal(run.status, 'stopped_early', run.error ?? '');
    const lowest = run.epochs.reduce((low, epoch) => (epoch.valLoss < low.valLoss ? epoch : low));
    // Patience 1: it stopped at the first epoch after its lowest validation loss, before the sixth.
    assert.equal(run.epochs.length, lowest.epoch + 1);
    assert.ok(run.epochs.length < 6);
    assert.equal(
      run.error,
      `Stopped early after epoch ${lowest.epoch + 1}: the validation loss has not improved for 1 epoch (patience 1) since its lowest, ${lowest.valLoss.toFixed(4)} at epoch ${lowest.epoch}, which is kept as the run's result.`,
    );
    assert.match(stdout, new RegExp(`^8 +0\\.1 +[\\d.]+ +[\\d.]+ +${lowest.valLoss.toFixed(4)} +[\\d.]+ +stopped_early +${run.epochs.length} `, 'm'));
  });

  it('ends a resumed run whose stored epochs already called for a stop, training no epoch more', { timeout: 90_000 }, async () => {
    const trained = await runBuiltCli(
      database.url,
      ['--preset', 'smoke', '--cells', '8:0.1', '--epochs', '3', '--train-limit', '16', '--val-limit', '8', '--backend', 'cpu', '--name', 'judged-on-resume'],
      60_000,
    );
    assert.equal(trained.status, 0, trained.stderr);
    const { id, sweepId } = await database.prisma.run.findFirstOrThrow({ where: { sweep: { name: 'judged-on-resume' } } });
    // As a worker killed between storing epoch 3 and acting on it leaves a run: two epochs
    // without improvement stored under patience 2, the decision not yet made.
    await database.prisma.sweep.update({ where: { id: sweepId }, data: { epochs: 6, earlyStopPatience: 2 } });
    for (const [epoch, valLoss] of [
      [1, 0.1],
      [2, 0.5],
      [3, 0.6],
    ] as const)
      await database.prisma.epoch.updateMany({ where: { runId: id, epoch }, data: { valLoss } });
    await database.prisma.run.update({ where: { id }, data: { status: 'failed' } });
    await retryRun(database.prisma, id);
    const worker = spawn(process.execPath, [builtCli, 'worker', '--sweep', String(sweepId), '--backend', 'cpu'], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: 'ignore',
    });
    try {
      let run = await database.prisma.run.findUniqueOrThrow({ where: { id }, include: { epochs: true } });
      for (let waited = 0; (run.status === 'queued' || run.status === 'running') && waited < 60_000; waited += 200) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        run = await database.prisma.run.findUniqueOrThrow({ where: { id }, include: { epochs: true } });
      }
      assert.equal(run.status, 'stopped_early', run.error ?? '');
      assert.equal(run.epochs.length, 3);
      assert.match(run.error ?? '', /^Stopped early after epoch 3: /);
    } finally {
      worker.kill('SIGTERM');
    }
  });

  it('prunes a run whose best is below the median of the completed runs of its batch size once its warm-up is over', { timeout: 90_000 }, async () => {
    const sweep = await createSweep(database.prisma, {
      input: { name: 'pruned', preset: 'smoke', cells: '8:0.1', epochs: 4, trainLimit: 16, valLimit: 8, pruner: 'median', pruneWarmupEpochs: 1 },
      createdBy: 'cli',
    });
    // Three completed runs of its batch size at 100 % from the first epoch: a bar the smoke run
    // cannot clear.
    const rows = [1, 2, 3].flatMap((repeat) => [1, 2, 3, 4].map((epoch) => `8,0.01,${repeat},${epoch},0.1,1,0.1,1`));
    const content = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy', ...rows].join('\n');
    await importResults(database.prisma, { sweepId: sweep.id, importedFrom: 'baseline.csv', results: { format: 'csv', content } });
    const worker = spawn(process.execPath, [builtCli, 'worker', '--sweep', String(sweep.id), '--backend', 'cpu'], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: 'ignore',
    });
    try {
      let run = await database.prisma.run.findFirstOrThrow({ where: { sweepId: sweep.id, importedFrom: null }, include: { epochs: true } });
      for (let waited = 0; (run.status === 'queued' || run.status === 'running') && waited < 80_000; waited += 200) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        run = await database.prisma.run.findFirstOrThrow({ where: { id: run.id }, include: { epochs: true } });
      }
      assert.equal(run.status, 'pruned', run.error ?? '');
      // Epoch 1 is the warm-up; epoch 2 is the first it may be pruned at.
      assert.equal(run.epochs.length, 2);
      assert.match(
        run.error ?? '',
        /^Pruned after epoch 2: its best validation accuracy so far, [\d.]+%, is below the median 100\.0% of 3 completed runs of batch size 8 at epoch 2\.$/,
      );
    } finally {
      worker.kill('SIGTERM');
    }
  });

  it('prints only a JSON document on stdout with --json, progress going to stderr', { timeout: 60_000 }, async () => {
    const { status, stdout, stderr } = await runBuiltCli(
      database.url,
      ['--preset', 'smoke', '--cells', '8:0.1', '--train-limit', '8', '--val-limit', '4', '--backend', 'cpu', '--json'],
      60_000,
    );
    assert.equal(status, 0, `stderr: ${stderr}`);
    const result = JSON.parse(stdout) as { sweep: { id: number; preset: string }; runs: { status: string; epochs: number; valAccuracy: number }[] };
    assert.equal(result.sweep.preset, 'smoke');
    assert.deepEqual(
      result.runs.map((run) => [run.status, run.epochs, typeof run.valAccuracy]),
      [['succeeded', 1, 'number']],
    );
    assert.match(stderr, /epoch 1\/1: loss/);
  });

  it(
    'trains in worker processes of its own, and the run of a worker killed mid-run resumes from its checkpoint on a replacement',
    { timeout: 120_000 },
    async () => {
      const child = spawn(
        process.execPath,
        [
          builtCli,
          '--preset',
          'smoke',
          '--cells',
          '8:0.1,16:0.01',
          '--train-limit',
          '64',
          '--epochs',
          '20',
          '--backend',
          'wasm',
          '--workers',
          '2',
          '--name',
          'crash',
        ],
        { env: { ...process.env, DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (let waited = 0; !/training with/.test(stdout) && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      const pids = /training with 2 worker processes \((\d+), (\d+)\)/.exec(stdout)?.slice(1).map(Number);
      assert.equal(pids?.length, 2, stdout);
      // Kill whichever worker first has an epoch stored, as the kernel's out-of-memory killer would.
      let victim: { id: number; worker: string | null } | null = null;
      for (let waited = 0; victim === null && waited < 60_000; waited += 100) {
        victim = await database.prisma.run.findFirst({
          where: { sweep: { name: 'crash' }, status: 'running', worker: { not: null }, epochs: { some: {} } },
          select: { id: true, worker: true },
        });
        if (victim === null) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const victimPid = Number(victim?.worker?.split(':').at(-1));
      assert.ok(pids?.includes(victimPid), `${victim?.worker} is not one of ${pids?.join(', ')}`);
      process.kill(victimPid, 'SIGKILL');
      assert.equal(await exited, 0, stdout);
      const runs = await database.prisma.run.findMany({
        where: { sweep: { name: 'crash' } },
        orderBy: { id: 'asc' },
        select: { id: true, status: true, attempt: true },
      });
      assert.deepEqual(
        runs.map((run) => [run.status, run.attempt]),
        [
          ['succeeded', 1],
          ['succeeded', 1],
        ],
      );
      const [interruption] = await database.prisma.runInterruption.findMany({ where: { runId: victim?.id } });
      assert.ok(interruption, "the lost worker is kept among the run's interruptions");
      assert.equal(interruption.kind, 'reclaimed');
      assert.match(interruption.reason, new RegExp(`^the worker process ${victimPid} exited with signal SIGKILL`));
      assert.ok(interruption.epochsDone >= 1 && interruption.resumedBy !== null, JSON.stringify(interruption));
      const logged = await database.prisma.sweepEvent.findMany({ where: { runId: victim?.id, name: 'epoch:added' }, select: { payload: true } });
      const epochs = logged.map((event) => (event.payload as { epoch: number }).epoch).sort((a, b) => a - b);
      assert.deepEqual(
        epochs,
        Array.from({ length: 20 }, (_, i) => i + 1),
        'each epoch stored once: the resumed run went on after its checkpoint',
      );
      assert.match(
        stdout,
        new RegExp(`the worker process ${victimPid} exited with signal SIGKILL[^\n]*; run ${victim?.id} resumes after epoch ${interruption.epochsDone}`),
      );
    },
  );

  it('retry queues a cancelled run again to resume from its last epoch, and --from-scratch as its next attempt', async () => {
    const [run] = (await database.prisma.sweep.findFirstOrThrow({ where: { name: 'crash' }, include: { runs: true } })).runs;
    assert.ok(run);
    const refused = await runBuiltCli(database.url, ['retry', String(run.id)]);
    assert.equal(refused.status, 1, 'a succeeded run is refused (CONFLICT)');
    assert.match(refused.stderr, /is succeeded: only a failed, diverged or cancelled run can be retried/);

    await database.prisma.run.update({ where: { id: run.id }, data: { status: 'cancelled' } });
    const resumed = await runBuiltCli(database.url, ['retry', String(run.id)]);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(
      resumed.stdout,
      new RegExp(`^run ${run.id} \\(batch \\d+, lr [\\d.]+\\) is queued again: a worker will train it from epoch 21 of attempt 1, keeping its epochs\\.$`, 'm'),
    );
    await database.prisma.run.update({ where: { id: run.id }, data: { status: 'cancelled' } });
    const restarted = await runBuiltCli(database.url, ['retry', String(run.id), '--from-scratch']);
    assert.equal(restarted.status, 0, restarted.stderr);
    assert.match(restarted.stdout, /is queued again: a worker will train it from epoch 1 as attempt 2\./);
  });

  it('on Ctrl-C cancels the unfinished runs, leaves none running or queued, and exits 130', { timeout: 90_000 }, async () => {
    const child = spawn(
      process.execPath,
      [builtCli, '--preset', 'smoke', '--cells', '8:0.1,16:0.1', '--train-limit', '64', '--epochs', '3', '--backend', 'cpu', '--name', 'interrupted'],
      { env: { ...process.env, DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until a run is training, then interrupt as a person would.
    for (let waited = 0; !/ running\n/.test(stdout) && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    assert.equal(await exited, 130, stdout);
    const runs = await database.prisma.run.findMany({ where: { sweep: { name: 'interrupted' } }, select: { status: true } });
    assert.deepEqual(
      runs.map((run) => run.status),
      ['cancelled', 'cancelled'],
    );
    assert.match(stdout, /cancelled 2 unfinished runs/);
  });
});
