import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Commit, FanOutResult, FleetCommand, FleetReply } from './fleet-protocol.js';

/** The bench's handle on its subscriber process. */
export interface SubscriberFleet {
  /** The subscriber process, whose CPU time the bench reads. */
  pid: number;
  /**
   * Opens `subscribers` clients, each on its own WebSocket, subscribed to a sweep after a
   * cursor, spread evenly over the servers at `wsUrls`; resolves once each has its
   * connection_ack (the subscription itself may still be starting on the server: wait for
   * an event to be sure).
   * @returns how many connected, and why the others did not
   */
  subscribe(options: { wsUrls: string[]; sweepId: number; cursor: string | null; subscribers: number }): Promise<{ connected: number; failures: string[] }>;
  /**
   * Waits until every subscriber has received each event, or `drainTimeoutMs` has passed,
   * and measures commit → receipt. Receipts are then forgotten, so batches do not mix.
   */
  collect(commits: Commit[], drainTimeoutMs: number): Promise<FanOutResult>;
  /** Closes every client and waits for the process to exit. */
  close(): Promise<void>;
}

/**
 * Starts the subscriber process (subscriber-fleet.ts) with this process's loader flags.
 * @throws {Error} from any call, with the process's stack, when it fails or exits early
 */
export function startSubscriberFleet(): SubscriberFleet {
  const child: ChildProcess = fork(fileURLToPath(new URL('./subscriber-fleet.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (child.pid === undefined) throw new Error('startSubscriberFleet: the subscriber process did not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ask = <T extends FleetReply['type']>(command: FleetCommand, answer: T): Promise<Extract<FleetReply, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FleetReply): void => {
        if (message.type === 'failed') reject(new Error(`subscriber process: ${message.message}`));
        else if (message.type === answer) resolve(message as Extract<FleetReply, { type: T }>);
        else return;
        cleanUp();
      };
      const onExit = (code: number | null): void => {
        cleanUp();
        reject(new Error(`subscriber process exited (${code}) before answering ${command.type}`));
      };
      const cleanUp = (): void => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(command);
    });

  return {
    pid: child.pid,
    subscribe: async (options) => {
      const { connected, failures } = await ask({ type: 'subscribe', ...options }, 'subscribed');
      return { connected, failures };
    },
    collect: async (commits, drainTimeoutMs) => (await ask({ type: 'collect', commits, drainTimeoutMs }, 'collected')).result,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.send({ type: 'close' } satisfies FleetCommand);
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      }
    },
  };
}
