import type { EpochAddedEvent, RunUpdatedEvent } from '@sweepscope/db/events';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { Epoch } from '../types/epoch.type.js';
import { Run } from '../types/run.type.js';

// The topic id is the sweep, so each subscriber hears only its sweep's events.
const bySweep = ({ args }: { args: Record<string, unknown> }): unknown => args.sweepId;

/** Live events of a sweep, fed by the database's NOTIFY through this server's one LISTEN connection. */
@Resolver()
export class LiveResolver {
  @Subscription(() => Epoch, {
    description: 'Every epoch stored for a run of the sweep, as it commits.',
    topics: 'epoch:added',
    topicId: bySweep,
  })
  epochAdded(@Arg('sweepId', () => ID) _sweepId: string, @Root() event: EpochAddedEvent): Epoch {
    const { epochId, ...fields } = event;
    return { ...fields, id: epochId };
  }

  @Subscription(() => Run, {
    description: 'A run of the sweep whose status changed (queued, running, finished).',
    topics: 'run:updated',
    topicId: bySweep,
  })
  async runUpdated(@Arg('sweepId', () => ID) _sweepId: string, @Root() event: RunUpdatedEvent, @Ctx() { prisma }: Context) {
    return prisma.run.findUniqueOrThrow({ where: { id: event.runId } });
  }
}
