// The subscriber process of the API bench: many graphql-ws clients, each on its own
// WebSocket, subscribed to one sweep's events. It runs apart from the bench's writers so
// that handling thousands of receipts a second does not delay the writers' commit
// timestamps, and answers the bench over the IPC channel (see fleet-protocol.ts).
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Commit, FanOutResult, FleetCommand, FleetReply } from './fleet-protocol.js';
import { percentile, summarizeLatencies } from './percentile.js';

const subscription = `subscription Live($id: ID!, $cursor: String) {
  sweepEvents(sweepId: $id, after: $cursor) { cursor kind epoch { runId epoch valAccuracy } }
}`;

interface Subscriber {
  client: Client;
  /** Receipt time of each epoch event since the last collect, by event key. */
  received: Map<string, number>;
  /** False once its socket has closed: it will hear nothing more, so collect does not wait for it. */
  open: boolean;
}

const subscribers: Subscriber[] = [];
const problems: string[] = [];
/** Sockets that closed after their connection_ack, by close code: each of those subscribers stopped hearing events. */
const closedSockets = new Map<string, number>();
const connectBatch = 50;

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
const reply = (message: FleetReply): void => {
  process.send?.(message);
};

process.on('message', (message: FleetCommand) => {
  handle(message).catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
// The bench going away (even by a crash) ends this process too.
process.on('disconnect', () => process.exit(0));

async function handle(command: FleetCommand): Promise<void> {
  if (command.type === 'subscribe') {
    const failures: string[] = [];
    for (let first = 0; first < command.subscribers; first += connectBatch) {
      const batch = Array.from({ length: Math.min(connectBatch, command.subscribers - first) }, (_, offset) =>
        connect(command, command.wsUrls[(first + offset) % command.wsUrls.length] ?? ''),
      );
      for (const outcome of await Promise.allSettled(batch)) {
        if (outcome.status === 'fulfilled') subscribers.push(outcome.value);
        else failures.push(String(outcome.reason));
      }
    }
    reply({ type: 'subscribed', connected: subscribers.length, failures });
  } else if (command.type === 'collect') {
    reply({ type: 'collected', result: await collect(command.commits, command.drainTimeoutMs) });
  } else {
    await Promise.all(subscribers.map(async (subscriber) => subscriber.client.dispose()));
    process.exit(0);
  }
}

/** Opens one client, waits for its connection_ack, then subscribes. */
function connect(command: Extract<FleetCommand, { type: 'subscribe' }>, url: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const received = new Map<string, number>();
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      // The default writes the whole CloseEvent to the console; the close is counted below instead.
      onNonLazyError: () => {},
    });
    const subscriber: Subscriber = { client, received, open: true };
    let connected = false;
    client.on('connected', () => {
      connected = true;
      client.subscribe<{ sweepEvents: { cursor: string; kind: string; epoch: { runId: string; epoch: number } | null } }>(
        { query: subscription, variables: { id: String(command.sweepId), cursor: command.cursor } },
        {
          next: (result) => {
            const at = nowMs();
            const epoch = result.data?.sweepEvents.epoch;
            if (epoch) received.set(`${epoch.runId}:${epoch.epoch}`, at);
            else if (result.errors) problems.push(result.errors.map((error) => error.message).join('; '));
          },
          error: (error) => problems.push(`subscription error: ${describe(error)}`),
          complete: () => problems.push('a subscription completed'),
        },
      );
      resolve(subscriber);
    });
    client.on('closed', (event) => {
      subscriber.open = false;
      if (connected) {
        const code = describe(event);
        closedSockets.set(code, (closedSockets.get(code) ?? 0) + 1);
        problems.push(`a socket closed: ${code}`);
      } else {
        reject(new Error(`closed before connection_ack: ${describe(event)}`));
      }
    });
    client.on('error', (error) => reject(new Error(`could not connect: ${describe(error)}`)));
  });
}

async function collect(commits: Commit[], drainTimeoutMs: number): Promise<FanOutResult> {
  const start = nowMs();
  const complete = (): boolean => subscribers.every((subscriber) => !subscriber.open || subscriber.received.size >= commits.length);
  while (!complete() && nowMs() - start < drainTimeoutMs) await new Promise((resolve) => setTimeout(resolve, 10));
  const drainMs = nowMs() - start;

  const latencies: number[] = [];
  const earlyLatencies: number[] = [];
  const lateLatencies: number[] = [];
  const ordered = [...commits].sort((a, b) => a[1] - b[1]);
  const earlyUntil = Math.ceil(ordered.length * 0.2);
  const lateFrom = Math.floor(ordered.length * 0.8);
  let fewest = Number.POSITIVE_INFINITY;
  let most = 0;
  let subscribersMissing = 0;
  for (const { received } of subscribers) {
    let got = 0;
    ordered.forEach(([key, committedAt], index) => {
      const at = received.get(key);
      if (at === undefined) return;
      got += 1;
      latencies.push(at - committedAt);
      if (index < earlyUntil) earlyLatencies.push(at - committedAt);
      if (index >= lateFrom) lateLatencies.push(at - committedAt);
    });
    fewest = Math.min(fewest, got);
    most = Math.max(most, got);
    if (got < commits.length) subscribersMissing += 1;
    received.clear();
  }
  return {
    subscribers: subscribers.length,
    events: commits.length,
    delivered: latencies.length,
    latency: summarizeLatencies(latencies),
    earlyP50: percentile(earlyLatencies, 50),
    lateP50: percentile(lateLatencies, 50),
    fewestPerSubscriber: subscribers.length === 0 ? 0 : fewest,
    mostPerSubscriber: most,
    subscribersMissing,
    drainMs,
    closedSockets: Object.fromEntries(closedSockets),
    problems: problems.splice(0),
  };
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'object' && value !== null && 'code' in value) {
    const { code, reason } = value as { code: unknown; reason?: unknown };
    return `code ${JSON.stringify(code)}${reason ? ` (${JSON.stringify(reason)})` : ''}`;
  }
  return String(value);
}
