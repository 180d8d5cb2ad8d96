import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';

/** The built command, as `npm run train` and the `sweepscope-train` bin run it. */
const command = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('sweepscope-train', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  /** Runs the command against this suite's database and resolves once it exits. */
  function runCommand(args: readonly string[], timeoutMs = 30_000): Promise<Finished> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [command, ...args],
        { env: { ...process.env, DATABASE_URL: db.url }, timeout: timeoutMs, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') reject(error);
          else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
        },
      );
    });
  }

  before(async () => {
    assert.ok(existsSync(command), `${command} is missing: run npm run build -w @sweepscope/trainer first`);
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
  });
  after(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const refusals: [string, string[], RegExp][] = [
    ['a learning rate that is not a number', ['--cells', '32:abc'], /--cells has learning rate "abc" in "32:abc": expected a number/],
    ['an unknown flag', ['--cells', '8:0.1', '--bogus'], /Unknown flag --bogus: the flags are --cells, /],
    ['a word for a number', ['--cells', '8:0.1', '--epochs', 'two'], /--epochs "two" is not valid: expected a whole number\./],
    ['an input size below 32', ['--cells', '8:0.1', '--input-size', '16'], /--input-size is 16: expected a whole number from 32 to 1024\./],
    ['an unknown data set', ['--cells', '8:0.1', '--dataset', 'cifar'], /--dataset is "cifar": expected one of synthetic, fashion-mnist\./],
  ];
  for (const [problem, args, message] of refusals) {
    it(`exits with status 2 and says why for ${problem}, creating no sweep`, async () => {
      const { status, stdout, stderr } = await runCommand(args);
      assert.equal(status, 2, `stderr: ${stderr}`);
      assert.match(stderr, /^sweepscope-train: /);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /unexpected error/);
      assert.equal(stdout, '');
      assert.equal(await prisma.sweep.count(), 0);
    });
  }

  it('trains a tiny sweep, exits 0 and prints the results table', { timeout: 60_000 }, async () => {
    const { status, stdout, stderr } = await runCommand(
      ['--cells', '8:0.1', '--epochs', '1', '--dataset', 'synthetic', '--train-limit', '16', '--val-limit', '8', '--backend', 'cpu'],
      60_000,
    );
    assert.equal(status, 0, `stderr: ${stderr}`);
    assert.match(stdout, /epoch 1\/1: loss \d/);
    assert.match(stdout, /^batch size {2}learning rate {2}status/m);
    assert.match(stdout, /^8 +0\.1 +succeeded /m);
    const runs = await prisma.run.findMany({ include: { epochs: true } });
    assert.deepEqual(runs.map((run) => [run.status, run.epochs.length]), [['succeeded', 1]]);
  });
});
