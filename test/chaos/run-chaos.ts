import { setTimeout as sleep } from 'node:timers/promises';
import { createPrisma, type PrismaClient } from '@sweepscope/db';
import { createSweep } from '@sweepscope/db/sweeps';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { epochNumbers, readLoggedEpochs, readTrainedEpochs, type TrainedEpoch } from '../crashes/run-record.js';
import { findFreePort, type Service } from '../support/start-service.js';
import { startApiServer, startWorkerProcess } from '../support/start-stack.js';

/** Options of {@link runChaos}. */
export interface RunChaosOptions {
  databaseUrl: string;
  /** Kills and pauses to inflict, together; fewer happen when the sweep ends first. */
  kills: number;
  /** Workers alive at once. @default 3 */
  workers?: number;
  /** Cells of the sweep (batch size 8, learning rates 0.01, 0.02, …). @default 8 */
  runs?: number;
  /** Epochs of each run. @default 6 */
  epochs?: number;
  /** Training images: with batch 8 on the WebAssembly backend, 128 take about a second an epoch. @default 128 */
  trainLimit?: number;
  /** Lease and heartbeat of every worker, in ms. @default 3000 and 1000 */
  leaseMs?: number;
  heartbeatMs?: number;
  /** Time between two blows of the killer, in ms: uniformly drawn between these. @default [1000, 3000] */
  intervalMs?: [number, number];
  /** Share of blows that pause a worker past its lease (then resume it) rather than kill it. @default 0.3 */
  pauseShare?: number;
  /** Hears what happens, a line at a time. @default nothing */
  log?: (line: string) => void;
}

/** What a chaos run saw: the blows, the losses, and whether the sweep came out as if none had happened. */
export interface ChaosReport {
  kills: number;
  pauses: number;
  runs: number;
  /** Runs that did not end `succeeded` (must be 0). */
  runsLost: number;
  /** Each lost run's id, status and error, to say why. */
  lostRuns: string[];
  /** Epoch writes beyond one per run and epoch number, from the event log (must be 0). */
  duplicateEpochs: number;
  /** Epochs missing from a run's 1..N (must be 0). */
  missingEpochs: number;
  /** Runs whose per-epoch metrics differ from the uninterrupted sweep's (must be 0). */
  runsDiffering: number;
  /** Epoch events a live graphql-ws subscriber saw other than exactly once per run and epoch (must be 0). */
  subscriberMisses: number;
  /**
   * Blows after which the run resumed from fewer epochs than it had stored: stored work lost
   * (must be 0; at most the epoch in flight may go).
   */
  storedEpochsLost: number;
  /**
   * For each blow that took a run from its worker: the seconds of work since its last stored
   * epoch (or since it was claimed, setting up included), which were lost.
   */
  secondsLostPerBlow: number[];
  /** The mean epoch of the chaos sweep, in seconds, to weigh the above by. */
  meanEpochSeconds: number;
  /** For each blow that took a run from its worker: seconds until the run was taken back (queued again). */
  secondsToTakeBack: number[];
  /** The same, until another worker had it: a free worker is needed too. */
  secondsToResume: number[];
  /** Runs the workers dropped because a write was refused, or went unanswered for a lease (after a pause). */
  refusedWrites: number;
  unansweredWrites: number;
  /** Wall time of the chaos sweep, in seconds. */
  seconds: number;
}

interface Blow {
  kind: 'kill' | 'pause';
  at: number;
  /** The run its worker held, its epochs stored by then, and when its last epoch before the blow was stored or it was claimed. */
  runId?: number;
  epochsStored?: number;
  workSince?: number;
}

const random = (low: number, high: number): number => low + Math.random() * (high - low);

/**
 * Trains a sweep with a few workers while a killer SIGKILLs a random worker, or pauses one
 * past its lease and resumes it, at random moments, replacing each killed worker as a
 * supervisor would (a paused one comes back by itself); then checks the sweep against the same sweep trained without
 * interruption, and against what a graphql-ws subscriber saw live.
 */
export async function runChaos(options: RunChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const workerCount = options.workers ?? 3;
  const runCount = options.runs ?? 8;
  const epochs = options.epochs ?? 6;
  const leaseMs = options.leaseMs ?? 3000;
  const [shortest, longest] = options.intervalMs ?? [1000, 3000];
  const pauseShare = options.pauseShare ?? 0.3;
  // Losing its worker many times is this test's doing, not the run's: never fail a run for it.
  // The API server takes runs back too, so it needs the same settings: left at its default of
  // 3, it failed a run that lost its worker three times before its first epoch.
  const env = { SWEEPSCOPE_LEASE_MS: String(leaseMs), SWEEPSCOPE_HEARTBEAT_MS: String(options.heartbeatMs ?? 1000), SWEEPSCOPE_MAX_CRASHES: '1000000' };
  const cells = Array.from({ length: runCount }, (_, index) => `8:${((index + 1) / 100).toFixed(2)}`).join(',');
  const input = { preset: 'smoke', cells, epochs, trainLimit: options.trainLimit ?? 128 };
  const prisma = createPrisma(options.databaseUrl);
  const workers = new Set<Service>();
  const gone: Service[] = [];
  /** Every worker started, killed ones too, for what they said. */
  const everyWorker: Service[] = [];
  const startWorker = async (sweepId: number): Promise<Service> => {
    const worker = await startWorkerProcess(options.databaseUrl, { sweepId, backend: 'wasm', env });
    workers.add(worker);
    everyWorker.push(worker);
    return worker;
  };
  let api: Service | undefined;
  try {
    log(`uninterrupted sweep: ${runCount} runs × ${epochs} epochs, ${workerCount} workers`);
    const reference = await createSweep(prisma, { input: { ...input, name: 'chaos: uninterrupted' }, createdBy: 'chaos' });
    await Promise.all(Array.from({ length: workerCount }, () => startWorker(reference.id)));
    await waitForSweep(prisma, reference.id);
    await Promise.all([...workers].map((worker) => worker.stop()));
    workers.clear();

    const sweep = await createSweep(prisma, { input: { ...input, name: 'chaos' }, createdBy: 'chaos' });
    const port = await findFreePort();
    api = await startApiServer({ databaseUrl: options.databaseUrl, port, env });
    const heard = listenToSweep(`ws://127.0.0.1:${port}/graphql`, sweep.id);
    await heard.ready;
    const started = Date.now();
    await Promise.all(Array.from({ length: workerCount }, () => startWorker(sweep.id)));
    log(`chaos sweep ${sweep.id}: ${options.kills} blows to come`);

    const blows: Blow[] = [];
    const pausing = new Set<Promise<void>>();
    const ended = (): Promise<boolean> => sweepEnded(prisma, sweep.id);
    while (blows.length < options.kills && !(await ended())) {
      await sleep(random(shortest, longest));
      const alive = [...workers].filter((worker) => !gone.includes(worker));
      const victim = alive[Math.floor(Math.random() * alive.length)];
      if (victim === undefined) continue;
      const held = await prisma.run.findFirst({ where: { sweepId: sweep.id, status: 'running', worker: { endsWith: `:${victim.pid}` } } });
      const blow: Blow = { kind: Math.random() < pauseShare ? 'pause' : 'kill', at: Date.now() };
      if (held) {
        const last = await prisma.epoch.findFirst({ where: { runId: held.id, attempt: held.attempt }, orderBy: { epoch: 'desc' } });
        blow.runId = held.id;
        blow.epochsStored = last?.epoch ?? 0;
        blow.workSince = Math.max(last?.createdAt.getTime() ?? 0, held.startedAt?.getTime() ?? 0);
      }
      blows.push(blow);
      if (blow.kind === 'kill') {
        await victim.kill();
        workers.delete(victim);
        log(`kill ${blows.length}: worker ${victim.pid}${held ? `, holding run ${held.id}` : ''}`);
        void startWorker(sweep.id);
      } else {
        victim.signal('SIGSTOP');
        gone.push(victim);
        log(`pause ${blows.length}: worker ${victim.pid}${held ? `, holding run ${held.id}` : ''}, for ${leaseMs + 2000} ms`);
        // No stand-in: a paused process is not dead to a supervisor, and it comes back.
        const resume = sleep(leaseMs + 2000).then(() => {
          victim.signal('SIGCONT');
          gone.splice(gone.indexOf(victim), 1);
        });
        pausing.add(resume);
      }
    }
    await Promise.all(pausing);
    await waitForSweep(prisma, sweep.id);
    const seconds = (Date.now() - started) / 1000;
    await heard.close();

    const report = await compareSweeps(prisma, reference.id, sweep.id, epochs);
    const taken = blows.filter((blow) => blow.runId !== undefined);
    const secondsLostPerBlow: number[] = [];
    const secondsToTakeBack: number[] = [];
    const secondsToResume: number[] = [];
    let storedEpochsLost = 0;
    for (const blow of taken) {
      const interruption = await prisma.runInterruption.findFirst({
        where: { runId: blow.runId!, kind: 'reclaimed', at: { gte: new Date(blow.at) } },
        orderBy: { id: 'asc' },
      });
      // None when the run ended between the look and the blow.
      if (interruption === null) continue;
      if (interruption.epochsDone < (blow.epochsStored ?? 0)) storedEpochsLost += 1;
      secondsLostPerBlow.push((blow.at - (blow.workSince ?? blow.at)) / 1000);
      secondsToTakeBack.push((interruption.at.getTime() - blow.at) / 1000);
      if (interruption.resumedAt) secondsToResume.push((interruption.resumedAt.getTime() - blow.at) / 1000);
    }
    const countDropped = (pattern: RegExp): number =>
      everyWorker
        .map((worker) => Math.max(0, ...[...worker.output().matchAll(pattern)].map((match) => Number(match[1]))))
        .reduce((sum, count) => sum + count, 0);
    return {
      ...report,
      kills: blows.filter((blow) => blow.kind === 'kill').length,
      pauses: blows.filter((blow) => blow.kind === 'pause').length,
      subscriberMisses: countMisses(heard.epochs(), await prisma.run.findMany({ where: { sweepId: sweep.id }, select: { id: true } }), epochs),
      storedEpochsLost,
      secondsLostPerBlow,
      meanEpochSeconds: (await meanEpochDuration(prisma, sweep.id)) / 1000,
      secondsToTakeBack,
      secondsToResume,
      refusedWrites: countDropped(/writes refused so far: (\d+)/g),
      unansweredWrites: countDropped(/left unanswered: (\d+)/g),
      seconds,
    };
  } finally {
    await Promise.all([...workers, ...gone].map((worker) => worker.kill()));
    await api?.stop();
    await prisma.$disconnect();
  }
}

async function sweepEnded(prisma: PrismaClient, sweepId: number): Promise<boolean> {
  const open = await prisma.run.count({ where: { sweepId, status: { in: ['queued', 'running'] } } });
  return open === 0;
}

async function waitForSweep(prisma: PrismaClient, sweepId: number, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await sweepEnded(prisma, sweepId))) {
    if (Date.now() > deadline) throw new Error(`sweep ${sweepId} did not end within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/** Checks each chaos run against the uninterrupted run of the same cell. */
async function compareSweeps(prisma: PrismaClient, referenceId: number, sweepId: number, epochs: number) {
  const cellOf = (run: { batchSize: number; learningRate: number; repeat: number }): string => `${run.batchSize}:${run.learningRate}:${run.repeat}`;
  const referenceRuns = await prisma.run.findMany({ where: { sweepId: referenceId } });
  const expected = new Map<string, TrainedEpoch[]>();
  for (const run of referenceRuns) expected.set(cellOf(run), await readTrainedEpochs(prisma, run.id));
  const runs = await prisma.run.findMany({ where: { sweepId } });
  const lostRuns: string[] = [];
  let duplicateEpochs = 0;
  let missingEpochs = 0;
  let runsDiffering = 0;
  for (const run of runs) {
    if (run.status !== 'succeeded') lostRuns.push(`run ${run.id}: ${run.status}${run.error ? `, ${run.error}` : ''}`);
    const logged = await readLoggedEpochs(prisma, run.id);
    duplicateEpochs += logged.length - new Set(logged).size;
    missingEpochs += epochNumbers(epochs).filter((epoch) => !logged.includes(epoch)).length;
    if (JSON.stringify(await readTrainedEpochs(prisma, run.id)) !== JSON.stringify(expected.get(cellOf(run)))) runsDiffering += 1;
  }
  return { runs: runs.length, runsLost: lostRuns.length, lostRuns, duplicateEpochs, missingEpochs, runsDiffering };
}

/** A sweep's mean epoch time in ms, as it trained under the chaos (the machine busier than usual). */
async function meanEpochDuration(prisma: PrismaClient, sweepId: number): Promise<number> {
  const { _avg } = await prisma.epoch.aggregate({ where: { run: { sweepId } }, _avg: { durationMs: true } });
  return _avg.durationMs ?? 0;
}

/** Epoch events a subscriber saw other than exactly once per run and epoch number. */
function countMisses(seen: string[], runs: { id: number }[], epochs: number): number {
  const counts = new Map<string, number>();
  for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  let misses = 0;
  for (const run of runs) for (const epoch of epochNumbers(epochs)) misses += Math.abs((counts.get(`${run.id}:${epoch}`) ?? 0) - 1);
  return misses + [...counts.keys()].filter((key) => !runs.some((run) => key.startsWith(`${run.id}:`))).length;
}

/** A graphql-ws subscriber to a sweep's events, keeping `run:epoch` of each epoch event in order. */
function listenToSweep(url: string, sweepId: number) {
  const epochs: string[] = [];
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  client.on('connected', () => markReady());
  const stop = client.subscribe<{ sweepEvents: { kind: string; epoch: { runId: string; epoch: number } | null } }>(
    { query: 'subscription($id: ID!) { sweepEvents(sweepId: $id) { kind epoch { runId epoch } } }', variables: { id: String(sweepId) } },
    {
      next: ({ data }) => {
        const epoch = data?.sweepEvents.epoch;
        if (epoch) epochs.push(`${epoch.runId}:${epoch.epoch}`);
      },
      error: (error) => {
        throw error instanceof Error ? error : new Error(JSON.stringify(error));
      },
      complete: () => {},
    },
  );
  return {
    ready,
    epochs: () => epochs,
    async close() {
      // Events committed just before the sweep ended may still be on their way.
      await sleep(1000);
      stop();
      await client.dispose();
    },
  };
}
