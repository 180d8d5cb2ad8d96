// `npm run bench:api`: the API under a large sweep and many live viewers, measured against
// the built server as a user starts it, with each figure printed beside its target:
//   1. a 1,000-run × 50-epoch sweep, seeded in bulk: latency over HTTP of the sweep page's
//      own query (the dashboard's grid), of a grid summary as a script would ask for it, and
//      of one run's epochs;
//   2. 500 graphql-ws subscribers on one sweep while epochs are stored at a steady rate:
//      commit → delivery latency, events received, and the server's memory;
//   3. the write rate stepped up until delivery falls behind, with the 500 subscribers and
//      then with 50 (where the limit is taking the writes in rather than fanning them out).
// With `--servers N`, N servers share the database and the subscribers are spread evenly
// over them (HTTP reads go to the first): events written once reach every server through
// PostgreSQL's NOTIFY, as they would behind a load balancer.
// It makes its own database (on DATABASE_URL's server, else the embedded test server) and
// drops it at the end. Never part of npm test; it takes about four minutes on 2 cores.
//
//   npm run bench:api
//   npm run bench:api -- --subscribers 200 --rates 20,50,100 --few-subscribers 20 --step-seconds 4
//   npm run bench:api -- --servers 2 --subscribers 5000
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { print, type DocumentNode } from 'graphql';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { readEpochsById, readSweepRuns } from '@sweepscope/db/runs';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { env } from './env.js';
import type { Commit, FanOutResult } from './fleet-protocol.js';
import { measureQueryLatency } from './measure-query-latency.js';
import { percentile } from './percentile.js';
import { reportApiBench } from './report-api-bench.js';
import { seedSweep } from './seed-sweep.js';
import { readTotalCpuSeconds, readTotalResidentMemory, startApiServer, type ApiServer } from './start-api-server.js';
import { stepWriteRate } from './step-write-rate.js';
import { startSubscriberFleet } from './start-subscriber-fleet.js';
import { createEpochSequence, writeEpochs, type EpochSequence } from './write-epochs.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '500' },
    servers: { type: 'string', default: '1' },
    requests: { type: 'string', default: '200' },
    'warm-up': { type: 'string', default: '10' },
    'live-rate': { type: 'string', default: '10' },
    'live-seconds': { type: 'string', default: '20' },
    rates: { type: 'string', default: '5,10,15,20,30,50,100,200,400' },
    'few-subscribers': { type: 'string', default: '50' },
    'few-rates': { type: 'string', default: '20,50,100,200,400' },
    'step-seconds': { type: 'string', default: '6' },
  },
});
const subscriberCount = Number(values.subscribers);
const serverCount = Number(values.servers);
const requests = Number(values.requests);
const warmUp = Number(values['warm-up']);
const liveRate = Number(values['live-rate']);
const liveSeconds = Number(values['live-seconds']);
const rates = values.rates.split(',').map(Number);
const fewSubscribers = Number(values['few-subscribers']);
const fewRates = values['few-rates'].split(',').map(Number);
const stepSeconds = Number(values['step-seconds']);
const fanOutWarmUpSeconds = 3;

// A 40 × 25 grid: batch sizes 8…320, learning rates 1e-4…1 evenly on a log scale.
const batchSizes = Array.from({ length: 40 }, (_, row) => 8 * (row + 1));
const learningRates = Array.from({ length: 25 }, (_, column) => Number((10 ** (-4 + (4 * column) / 24)).toPrecision(6)));
const epochsPerRun = 50;

// The sweep page's query, read from the dashboard's source so that this times what it asks
// for. Imported at run time: the dashboard's modules resolve as a bundler resolves them, not by
// the Node rules this bench is typechecked with.
const sweepPageQuery = print(
  ((await import(new URL('../../apps/web/src/graphql/sweep.query.ts', import.meta.url).href)) as { SweepQuery: DocumentNode }).SweepQuery,
);
const gridSummaryQuery = `query Grid($id: ID!) {
  sweep(id: $id) {
    id name status
    progress { runs succeeded epochsDone epochsTotal fraction }
    grid {
      batchSizes learningRates
      cells {
        batchSize learningRate
        runs { id status attempt epochsDone latestEpoch { epoch valAccuracy valLoss accuracy loss } bestEpoch { epoch valAccuracy } }
      }
    }
  }
}`;
const runEpochsQuery = `query RunEpochs($id: ID!) { run(id: $id) { epochs { epoch loss accuracy valLoss valAccuracy } } }`;
const eventCursorQuery = `query Cursor($id: ID!) { sweep(id: $id) { eventCursor } }`;

const startedAt = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
// Undone newest first, at the end or on Ctrl-C, so no server or database outlives the bench.
const cleanUps: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
const cleanUp = (): Promise<void> =>
  (cleaning ??= (async () => {
    for (const undo of cleanUps) {
      await undo().catch((error: unknown) => process.stderr.write(`clean-up: ${error instanceof Error ? error.message : String(error)}\n`));
    }
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server and dropping the benchmark database\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}
try {
  const database = await createTestDatabase();
  cleanUps.unshift(() => database.drop());
  const prisma = createPrisma(database.url);
  cleanUps.unshift(() => prisma.$disconnect());

  const grid = await seedSweep(database.url, {
    name: 'bench: 1,000 runs × 50 epochs',
    batchSizes,
    learningRates,
    status: 'succeeded',
    epochsStored: epochsPerRun,
    epochs: epochsPerRun,
  });
  const live = await seedSweep(database.url, { name: 'bench: live', batchSizes, learningRates, status: 'running', epochsStored: 0, epochs: epochsPerRun });
  const servers: ApiServer[] = [];
  for (let index = 0; index < serverCount; index += 1) {
    const started = await startApiServer({ databaseUrl: database.url });
    servers.push(started);
    cleanUps.unshift(() => started.stop());
  }
  const [server] = servers;
  if (server === undefined) throw new Error(`--servers: expected at least 1, got ${values.servers}`);
  const serverPids = servers.map((each) => each.pid);
  const wsUrls = servers.map((each) => each.wsUrl);

  // 1. Reads of the big sweep.
  const sweepPageLatency = await measureQueryLatency({
    url: server.httpUrl,
    query: sweepPageQuery,
    variables: () => ({ id: String(grid.sweepId) }),
    warmUp,
    requests,
    check: (data) => checkSweepPage(data, grid.runIds.length),
  });
  const gridSummaryLatency = await measureQueryLatency({
    url: server.httpUrl,
    query: gridSummaryQuery,
    variables: () => ({ id: String(grid.sweepId) }),
    warmUp,
    requests,
    check: (data) => checkGridSummary(data, grid.runIds.length),
  });
  const gridDatabaseP50Ms = await timeGridDatabaseReads(prisma, grid.sweepId);
  const runEpochs = await measureQueryLatency({
    url: server.httpUrl,
    query: runEpochsQuery,
    // A different run each time, spread over the grid.
    variables: (index) => ({ id: String(grid.runIds[(index * 37) % grid.runIds.length]) }),
    warmUp,
    requests,
    check: (data) => {
      const count = (data as { run: { epochs: unknown[] } }).run.epochs.length;
      if (count !== epochsPerRun) throw new Error(`run epochs: expected ${epochsPerRun} epochs, got ${count}`);
    },
  });

  // 2. Live fan-out.
  const sequence = createEpochSequence(live.runIds);
  const rssBeforeMiB = await readTotalResidentMemory(serverPids);
  // One event first, so the sweep has a cursor to subscribe after, as a dashboard would.
  await writeOne(prisma, sequence);
  const cursor = await readEventCursor(server.httpUrl, live.sweepId);
  const fleet = startSubscriberFleet();
  cleanUps.unshift(() => fleet.close());
  const { connected, failures } = await fleet.subscribe({ wsUrls, sweepId: live.sweepId, cursor, subscribers: subscriberCount });
  if (failures.length > 0) process.stderr.write(`${failures.length} subscribers could not connect, e.g. ${failures[0]}\n`);
  // Every subscription is live (or has replayed it) once each subscriber has this event.
  const primer = await fleet.collect(await writeOne(prisma, sequence), 60_000);
  if (primer.subscribersMissing > 0) throw new Error(`expected every subscriber to get the first event, ${primer.subscribersMissing} did not`);
  const rssIdleMiB = await readTotalResidentMemory(serverPids);
  // A few seconds at the same rate first, not counted: the first events through 500
  // subscription paths run cold (JIT, buffers), as HTTP's warm-up requests do.
  await fleet.collect((await writeEpochs(prisma, { sequence, ratePerSecond: liveRate, durationMs: fanOutWarmUpSeconds * 1000 })).commits, 30_000);
  const liveCpu = await readTotalCpuSeconds(serverPids);
  const liveStart = performance.now();
  const liveWrites = await writeEpochs(prisma, { sequence, ratePerSecond: liveRate, durationMs: liveSeconds * 1000 });
  const liveFanOut = await fleet.collect(liveWrites.commits, 30_000);
  const liveServerCpu = ((await readTotalCpuSeconds(serverPids)) - liveCpu) / ((performance.now() - liveStart) / 1000);
  const rssAfterLiveMiB = await readTotalResidentMemory(serverPids);

  // 3. The ramp with every subscriber, then with a few, to tell fan-out from intake.
  const wide = await stepWriteRate(prisma, { sequence, fleet, serverPids, rates, stepSeconds });
  await fleet.close();
  const fewFleet = startSubscriberFleet();
  cleanUps.unshift(() => fewFleet.close());
  await fewFleet.subscribe({
    wsUrls,
    sweepId: live.sweepId,
    cursor: await readEventCursor(server.httpUrl, live.sweepId),
    subscribers: fewSubscribers,
  });
  await fewFleet.collect(await writeOne(prisma, sequence), 60_000);
  const narrow = await stepWriteRate(prisma, { sequence, fleet: fewFleet, serverPids, rates: fewRates, stepSeconds });
  for (const ramp of [wide, narrow]) {
    for (const step of ramp.steps) reportProblems(`${ramp.subscribers} subscribers, ${step.targetRate}/s`, step.fanOut, step.writes.firstError);
  }
  reportProblems('live', liveFanOut, liveWrites.firstError);

  const [version] = await queryDatabase<{ server_version: string }>(database.url, 'SHOW server_version');
  console.log(
    reportApiBench({
      setting: [
        `machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; the server, PostgreSQL, the bench's writers and its subscriber process share them. Load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end${Math.max(loadAtStart, loadavg()[0] ?? 0) > availableParallelism() / 2 ? ': other work was running, so the figures are pessimistic' : ''}.`,
        `database: PostgreSQL ${version?.server_version ?? '?'} ${env.usesDatabaseUrl ? 'on the server DATABASE_URL names' : 'embedded (test server)'} (${hostOf(database)}), a fresh database, dropped at the end`,
        `server: node apps/server/dist/main.js, ${serverCount === 1 ? 'one process' : `${serverCount} processes on the one database, the subscribers spread evenly over them; server CPU and memory are their sum`}, Node ${process.version}; HTTP requests one at a time to the first, after ${warmUp} warm-up requests`,
        `seeded in bulk: a sweep of ${grid.runIds.length.toLocaleString('en-US')} succeeded runs (${batchSizes.length} batch sizes × ${learningRates.length} learning rates) × ${epochsPerRun} epochs = ${grid.epochRows.toLocaleString('en-US')} epoch rows in ${(grid.elapsedMs / 1000).toFixed(1)} s; a live sweep of ${live.runIds.length.toLocaleString('en-US')} running runs for the writes`,
        `subscribers: graphql-ws clients over ws, each on its own WebSocket, all in one subscriber process; commit → receipt on the shared monotonic clock; the ${liveRate}/s measurement follows ${fanOutWarmUpSeconds} s at that rate not counted`,
        `writes: recordEpoch from @sweepscope/db/runs (heartbeat, epoch row, event log, NOTIFY in one transaction; no checkpoint), up to 8 in parallel`,
      ],
      sweepPage: sweepPageLatency,
      gridSummary: gridSummaryLatency,
      gridDatabaseP50Ms,
      runEpochs,
      subscribers: subscriberCount,
      connected,
      live: { ratePerSecond: liveRate, seconds: liveSeconds, writes: liveWrites, fanOut: liveFanOut, serverCpu: liveServerCpu },
      rssBeforeMiB,
      rssIdleMiB,
      rssAfterLiveMiB,
      ramps: [wide, narrow],
      stepSeconds,
      totalSeconds: (performance.now() - startedAt) / 1000,
    }),
  );
} finally {
  await cleanUp();
}

/** Stores one epoch and hands back its commit, for collect. */
async function writeOne(prisma: PrismaClient, sequence: EpochSequence): Promise<Commit[]> {
  const result = await writeEpochs(prisma, { sequence, ratePerSecond: 1000, durationMs: 1 });
  if (result.errors > 0) throw new Error(`expected the first epoch to be stored, got: ${result.firstError}`);
  return result.commits;
}

async function readEventCursor(url: string, sweepId: number): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: eventCursorQuery, variables: { id: String(sweepId) } }),
  });
  const body = (await response.json()) as { data?: { sweep: { eventCursor: string | null } | null } };
  return body.data?.sweep?.eventCursor ?? null;
}

/**
 * The grid's database reads alone, as its loaders make them: the runs (each with its digest),
 * then the newest and best epochs their rows name. p50 of 20.
 */
async function timeGridDatabaseReads(prisma: PrismaClient, sweepId: number): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < 25; index += 1) {
    const start = performance.now();
    const [runs = []] = await readSweepRuns(prisma, [sweepId]);
    await readEpochsById(
      prisma,
      runs.flatMap((run) => [run.latestEpochId, run.bestEpochId]).filter((id): id is number => id !== null),
    );
    if (index >= 5) samples.push(performance.now() - start);
  }
  return percentile(samples, 50);
}

function checkSweepPage(data: unknown, runs: number): void {
  type PageRun = { valAccuracies: (number | null)[]; latestEpoch: { epoch: number } | null };
  const sweep = (data as { sweep: { grid: { cells: { runs: PageRun[] }[] } } | null }).sweep;
  const cells = sweep?.grid.cells ?? [];
  const complete = cells.flatMap((cell) => cell.runs).filter((run) => run.valAccuracies.length === epochsPerRun && run.latestEpoch?.epoch === epochsPerRun);
  if (cells.length !== runs || complete.length !== runs) {
    throw new Error(`sweep page: expected ${runs} cells with a finished run each, got ${cells.length} cells and ${complete.length} finished runs`);
  }
}

function checkGridSummary(data: unknown, runs: number): void {
  const sweep = (data as { sweep: { grid: { cells: { runs: { epochsDone: number; latestEpoch: { epoch: number } | null }[] }[] } } | null }).sweep;
  const cells = sweep?.grid.cells ?? [];
  const complete = cells.flatMap((cell) => cell.runs).filter((run) => run.epochsDone === epochsPerRun && run.latestEpoch?.epoch === epochsPerRun);
  if (cells.length !== runs || complete.length !== runs) {
    throw new Error(`grid summary: expected ${runs} cells with a finished run each, got ${cells.length} cells and ${complete.length} finished runs`);
  }
}

function reportProblems(label: string, fanOut: FanOutResult, writeError: string | undefined): void {
  if (writeError) process.stderr.write(`${label}: a write failed: ${writeError}\n`);
  if (fanOut.problems.length > 0) process.stderr.write(`${label}: ${fanOut.problems.length} subscription problems, e.g. ${fanOut.problems[0]}\n`);
}

function hostOf(database: TestDatabase): string {
  const url = new URL(database.url);
  return `${url.hostname}:${url.port || '5432'}`;
}
