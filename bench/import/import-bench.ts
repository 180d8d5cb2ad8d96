// `npm run bench:import`: a 1,000,000-row results file (10,000 runs × 100 epochs, 46 MB of
// CSV) imported by the built terminal command into a new sweep, as a user runs it, with its
// wall time and the importing process's peak resident memory printed beside the targets and
// the figures before imports streamed. It makes its own database (on DATABASE_URL's server,
// else the embedded test server) and drops it at the end. Never part of npm test.
//
//   npm run bench:import
//   npm run bench:import -- --runs 1000 --epochs 100
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, queryDatabase } from '@sweepscope/db/testing';
import { formatTable } from '@sweepscope/core';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, epochs: { type: 'string', default: '100' } } });
const runs = Number(values.runs);
const epochs = Number(values.epochs);
const command = fileURLToPath(new URL('../../packages/trainer/dist/cli/main.js', import.meta.url));

/** Writes the file: `runs` runs over a 40-batch-size grid, 25 learning rates and as many repeats as it takes. */
async function writeResults(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve())));
  await write('batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second\n');
  for (let run = 0; run < runs; run += 1) {
    const batchSize = 8 * ((run % 40) + 1);
    const learningRate = Number((10 ** (-4 + (4 * (Math.floor(run / 40) % 25)) / 24)).toPrecision(6));
    const repeat = Math.floor(run / 1000) + 1;
    let lines = '';
    for (let epoch = 1; epoch <= epochs; epoch += 1) {
      const loss = 2.3 / (1 + epoch / 10) + (run % 7) / 100;
      lines += `${batchSize},${learningRate},${repeat},${epoch},${loss.toFixed(6)},${(1 - loss / 3).toFixed(6)},${(loss * 1.1).toFixed(6)},${(1 - loss / 2.8).toFixed(6)},${1200 + (epoch % 50)},${(400 + (run % 90)).toFixed(1)}\n`;
    }
    await write(lines);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs the import, sampling the child's peak resident memory (VmHWM) until it exits. */
function runImport(file: string, databaseUrl: string): Promise<{ seconds: number; peakMiB: number; status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [command, 'import', file, '--name', 'import bench'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peakKiB = 0;
    const sample = (): void => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      } catch {
        // The child has just exited.
      }
    };
    const sampler = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearInterval(sampler);
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peakKiB / 1024, status, output });
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'sweepscope-import-bench-'));
const file = join(scratch, 'results.csv');
const database = await createTestDatabase();
try {
  await writeResults(file);
  const rows = runs * epochs;
  const megabytes = statSync(file).size / 1_000_000;
  process.stdout.write(
    `importing ${rows.toLocaleString('en')} rows (${runs.toLocaleString('en')} runs × ${epochs} epochs, ${megabytes.toFixed(1)} MB of CSV)…\n`,
  );
  const result = await runImport(file, database.url);
  if (result.status !== 0) throw new Error(`the import exited ${result.status}:\n${result.output}`);
  const [stored] = await queryDatabase<{ epochs: number; events: number }>(
    database.url,
    `SELECT (SELECT count(*) FROM "Epoch")::int AS epochs, (SELECT count(*) FROM "SweepEvent")::int AS events`,
  );
  if (stored?.epochs !== rows) throw new Error(`stored ${stored?.epochs} epochs of ${rows}`);
  process.stdout.write(
    `${formatTable(
      ['measure', 'now', 'target', 'before streaming (issue 16)'],
      [
        ['wall time', `${result.seconds.toFixed(1)} s`, '< 60 s', '200,000 rows in 244 s; 1,000,000 unfinished after 180 s'],
        ['rows per second', Math.round(rows / result.seconds).toLocaleString('en'), '> 16,667', '820'],
        ['peak resident memory of the import', `${result.peakMiB.toFixed(0)} MiB`, '< 300 MB (286 MiB)', '750 MB at 200,000 rows'],
        ['epochs stored, events logged', `${stored.epochs.toLocaleString('en')}, ${stored.events.toLocaleString('en')}`, '', ''],
      ],
    )}\n`,
  );
} finally {
  await database.drop();
  rmSync(scratch, { recursive: true, force: true });
}
