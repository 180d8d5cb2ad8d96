import { fork, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@sweepscope/db';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { reclaimWorkerRuns } from '@sweepscope/db/leases';
import type { BackendPreference } from '../backend/select-backend.js';
import { childEnvironment } from '../env.js';
import { stopChildProcess } from './stop-child-process.js';

/** Options of {@link startWorkerProcesses}. */
export interface StartWorkerProcessesOptions {
  /** How many worker processes train at once. */
  count: number;
  /** The sweep they train, taking no other sweep's runs. @default any sweep's */
  sweepId?: number;
  backend: BackendPreference;
  /** The database the workers connect to. */
  databaseUrl: string;
  /** Used to take back the run of a worker that died. */
  prisma: PrismaClient;
  /** Receives a line when a worker dies, naming what became of its run, and each line a worker writes to stderr. */
  onLine: (line: string) => void;
  /**
   * How many dead workers are replaced before the pool gives up. A run that loses its worker
   * resumes on another, and fails once it has lost one too often in the same epoch, so the
   * sweep's runs times that allowance is enough for it.
   * @default Infinity
   */
  maxReplacements?: number;
}

/** Worker processes training one sweep. */
export interface WorkerProcesses {
  /** Process ids of the workers alive now. */
  pids(): number[];
  /**
   * Never resolves; rejects with an INTERNAL SweepscopeError once workers have died more
   * often than `maxReplacements` and none is left to train.
   */
  failure: Promise<never>;
  /**
   * Asks every worker to stop, once: each finishes its batch and puts its run back in the
   * queue. Resolves when all have exited (a worker still running after two minutes is killed).
   */
  stop(): Promise<void>;
}

/** Whether this runs from the TypeScript sources (under tsx) rather than the build. */
const fromSources = import.meta.url.endsWith('.ts');
/** The command that runs `sweepscope-train worker`, built or not. */
const mainPath = fileURLToPath(new URL(`../cli/main${fromSources ? '.ts' : '.js'}`, import.meta.url));

/** TensorFlow.js' advert for its native backend, printed on every import; not news to the user. */
const NOISE = /^(=+|Hi, looks like you are running TensorFlow\.js in Node\.js.*)$/;

/**
 * Starts worker processes for one sweep, each with its own single-threaded TensorFlow.js
 * backend, since one process trains on one thread. A worker that dies (a crash, an
 * out-of-memory kill) is replaced, and the run it held is taken back at once — without
 * waiting for its lease to run out — to resume from its checkpoint, with the reason and the
 * last line the worker wrote kept among the run's interruptions. Workers run in process groups of their own, so a
 * Ctrl-C reaches only this process, which then stops each of them once; and each stops by
 * itself if this process goes away.
 */
export function startWorkerProcesses(options: StartWorkerProcessesOptions): WorkerProcesses {
  const { count, sweepId, backend, databaseUrl, prisma, onLine, maxReplacements = Number.POSITIVE_INFINITY } = options;
  const alive = new Set<ChildProcess>();
  let stopping = false;
  let replacements = 0;
  let fail: (error: SweepscopeError) => void = () => undefined;
  const failure = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // Nobody may be waiting on it yet; the rejection still reaches whoever awaits it later.
  failure.catch(() => undefined);

  const spawnWorker = (): void => {
    const only = sweepId === undefined ? [] : ['--sweep', String(sweepId)];
    const child = fork(mainPath, ['worker', ...only, '--backend', backend], {
      env: childEnvironment({ DATABASE_URL: databaseUrl }),
      // The built command runs on plain Node, whatever loader the parent was started with.
      execArgv: fromSources ? process.execArgv : [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      detached: true,
    });
    alive.add(child);
    // The last thing a worker said explains its death best (an abort message, a stack's head).
    let lastLine: string | undefined;
    let partial = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.map((text) => text.trim()).filter((text) => text !== '' && !NOISE.test(text))) {
        lastLine = line;
        // What a worker says while stopping is what it was asked to do.
        if (!stopping) onLine(`worker ${child.pid}: ${line}`);
      }
    });
    child.once('exit', (code, signal) => {
      alive.delete(child);
      if (stopping) return;
      const how = signal === null ? `with status ${code}` : `with signal ${signal}`;
      const reason = `the worker process ${child.pid} exited ${how}${lastLine === undefined ? '' : `: ${lastLine}`}`;
      void reclaimWorkerRuns(prisma, `${hostname()}:${child.pid}`, reason)
        .then((taken) => {
          const fates = taken.map((run) =>
            run.status === 'queued'
              ? `run ${run.runId} resumes after epoch ${run.epochsDone}`
              : `run ${run.runId} failed, having lost its worker too often in epoch ${run.epochsDone + 1}`,
          );
          onLine(`${reason}; ${fates.length === 0 ? 'it held no run' : fates.join(', ')}`);
          if (stopping) return;
          if (replacements < maxReplacements) {
            replacements += 1;
            spawnWorker();
          } else if (alive.size === 0) {
            fail(new SweepscopeError(ErrorCode.Internal, `Every worker process died, ${count + replacements} in all; the last: ${reason}.`));
          }
        })
        .catch((error: unknown) =>
          fail(new SweepscopeError(ErrorCode.Internal, `A worker died and its run could not be taken back: ${String(error)}`, { cause: error })),
        );
    });
  };
  for (let i = 0; i < count; i += 1) spawnWorker();

  return {
    pids: () => [...alive].map((child) => child.pid).filter((pid): pid is number => pid !== undefined),
    failure,
    async stop() {
      stopping = true;
      await Promise.all([...alive].map((child) => stopChildProcess(child)));
    },
  };
}
