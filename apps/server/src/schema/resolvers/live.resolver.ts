import { ErrorCode, SweepscopeError, type StoredEventName } from '@sweepscope/core';
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../context.js';
import { streamSweepEvents, type StreamedSweepEvent } from '../../events/stream-sweep-events.js';
import { parseCursor } from '../parse-cursor.js';
import { parseId } from '../parse-id.js';
import { SweepEvent, SweepEventKind } from '../types/sweep-event.type.js';

const afterDescription =
  "The newest cursor this client holds: the stream first replays every stored event after it, then goes live. Leave it out to replay the sweep's whole history.";

/** Live streams with replay: what a client missed while away comes first, then what happens. */
@Resolver()
export class LiveResolver {
  @Subscription(() => SweepEvent, {
    description: "A sweep's events (epochs stored, runs' status changes) after a cursor, then live, in commit order, each once.",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, Record<string, unknown>, Context>) => {
      const sweepId = parseId(String(args.sweepId), 'sweepId');
      if (!(await context.loaders.sweep.load(sweepId))) throw notFound('Sweep', sweepId);
      return stream(context, sweepId, undefined, ['epoch:added', 'run:updated'], args.after as string | null | undefined);
    },
  })
  sweepEvents(
    @Root() event: StreamedSweepEvent,
    @Arg('sweepId', () => ID) _sweepId: string,
    @Arg('after', () => String, { nullable: true, description: afterDescription }) _after?: string | null,
  ): SweepEvent {
    return toSweepEvent(event);
  }

  @Subscription(() => SweepEvent, {
    description: "One run's epochs (every attempt's) after a cursor, then live, in commit order, each once.",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, Record<string, unknown>, Context>) => {
      const runId = parseId(String(args.runId), 'runId');
      const run = await context.loaders.run.load(runId);
      if (!run) throw notFound('Run', runId);
      return stream(context, run.sweepId, runId, ['epoch:added'], args.after as string | null | undefined);
    },
  })
  runEpochs(
    @Root() event: StreamedSweepEvent,
    @Arg('runId', () => ID) _runId: string,
    @Arg('after', () => String, { nullable: true, description: afterDescription }) _after?: string | null,
  ): SweepEvent {
    return toSweepEvent(event);
  }
}

function stream(context: Context, sweepId: number, runId: number | undefined, names: StoredEventName[], after: string | null | undefined) {
  return streamSweepEvents(context.prisma, context.events, {
    sweepId,
    ...(runId === undefined ? {} : { runId }),
    names,
    after: parseCursor(after, 'after'),
  });
}

function toSweepEvent(event: StreamedSweepEvent): SweepEvent {
  // An event stored before the noise scale was measured has none.
  const epoch = event.epoch && (({ seq: _seq, epochId, noiseScale, ...fields }) => ({ ...fields, id: epochId, noiseScale: noiseScale ?? null }))(event.epoch);
  return {
    cursor: String(event.seq),
    kind: event.name === 'epoch:added' ? SweepEventKind.EPOCH_ADDED : SweepEventKind.RUN_UPDATED,
    epoch,
    run: event.run as SweepEvent['run'],
  };
}

function notFound(what: string, id: number): SweepscopeError {
  return new SweepscopeError(ErrorCode.NotFound, `${what} ${id} does not exist: check the id.`);
}
