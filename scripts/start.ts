// `npm start`: the database (embedded unless DATABASE_URL is set), the GraphQL server, the
// web app and one worker per core, each its own process; queues a first sweep into a database
// with none of its own (built-in sweeps, such as the reference study, do not count). A child
// that dies is started again with backoff, and the log names how it died; a dead worker's run
// resumes on another. Ctrl-C stops them all, then the database.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { connectDatabase } from '@sweepscope/db';
import { presets, type SweepInput } from '@sweepscope/core';
import { countOwnSweeps, createSweep } from '@sweepscope/db/sweeps';
import { loadDataset } from '@sweepscope/trainer/data';
import { answers, startWorkerProcesses, superviseProcess, type SupervisedProcess } from '@sweepscope/trainer/processes';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = Number(process.env.PORT || 4000);
const webPort = Number(process.env.WEB_PORT || 3000);
const apiUrl = `http://localhost:${apiPort}/graphql`;
const webUrl = `http://localhost:${webPort}`;

/** The reference study's five cells on Fashion-MNIST, cut down by the quick preset for a CPU. */
const firstSweep = { name: 'Reference cells on Fashion-MNIST (quick preset)', preset: 'quick' } as const satisfies SweepInput;

const database = await connectDatabase();
const { prisma } = database;
if ((await countOwnSweeps(prisma)) === 0) {
  await checkFirstSweepData();
  const sweep = await createSweep(prisma, { input: firstSweep, createdBy: 'start' });
  console.log(`queued sweep ${sweep.id}: ${sweep.name}`);
}

const childEnv = { ...process.env, DATABASE_URL: database.url };
const children: SupervisedProcess[] = [
  supervise('server', 'node', ['apps/server/dist/main.js'], { PORT: String(apiPort), SWEEPSCOPE_WEB_ORIGIN: `${webUrl},http://127.0.0.1:${webPort}` }),
  supervise('web', `${root}/node_modules/.bin/next`, ['start', '-p', String(webPort)], { SWEEPSCOPE_API_URL: apiUrl }, 'apps/web'),
];
// A worker that dies is replaced and its run resumes from its checkpoint; the rest of the stack stays up.
const workers = startWorkerProcesses({
  count: availableParallelism(),
  backend: 'auto',
  databaseUrl: database.url,
  prisma,
  onLine: (line) => console.error(`[workers] ${line}`),
});

// The API first: the web app's page renders by asking it, and would log a failed read if asked before.
await waitForHttp(`http://localhost:${apiPort}/healthz`);
await waitForHttp(webUrl);
console.log(
  `\nSweepscope is up.\n  dashboard:   ${webUrl}\n  GraphQL API: ${apiUrl} (subscriptions over WebSocket on the same URL)\n  database:    ${database.kind}\n  workers:     ${workers.pids().length} (one per core), processes ${workers.pids().join(', ')}\nTrain from another terminal: npx turbo run train -- --preset smoke\nCtrl-C stops everything.\n`,
);

let stopping = false;
async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('stopping… (a worker finishes its current batch first, then puts its run back in the queue)');
  // Each child finishes its work in hand (a worker puts its run back in the queue) first.
  await Promise.all([workers.stop(), ...children.map((child) => child.stop())]);
  await database.close();
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function supervise(name: string, command: string, args: string[], env: Record<string, string>, cwd = '.'): SupervisedProcess {
  return superviseProcess({
    name,
    log: (line) => console.error(line),
    start: () => {
      // Each child in a process group of its own: a Ctrl-C in the terminal reaches only this
      // launcher, which then stops each child once. Two signals would tell a worker to quit at
      // once instead of putting its run back in the queue.
      const child = spawn(command, args, {
        cwd: `${root}/${cwd}`,
        env: { ...childEnv, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const prefix = (chunk: Buffer): string => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
      child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
      child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
      return child;
    },
  });
}

/**
 * Reads the first sweep's data before queuing it: a first screen of five runs failed for want
 * of data is worse than a message here. The quick preset's images ship with Sweepscope, so
 * this fails only when the checkout is damaged.
 */
async function checkFirstSweepData(): Promise<void> {
  const { dataset, inputSize, trainLimit, valLimit } = presets[firstSweep.preset];
  try {
    await loadDataset({ name: dataset, inputSize, seed: 0, ...(trainLimit === null ? {} : { trainLimit }), ...(valLimit === null ? {} : { valLimit }) });
  } catch (error) {
    console.error(`The first sweep's data cannot be read, so nothing was queued: ${error instanceof Error ? error.message : String(error)}`);
    await database.close();
    process.exit(2);
  }
}

async function waitForHttp(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await answers(url))) {
    if (Date.now() > deadline) throw new Error(`${url} did not answer within 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
