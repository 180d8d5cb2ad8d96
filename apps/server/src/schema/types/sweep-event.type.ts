import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Epoch } from './epoch.type.js';
import { Run } from './run.type.js';

/** What a sweep event announces. */
export enum SweepEventKind {
  EPOCH_ADDED = 'epoch:added',
  RUN_UPDATED = 'run:updated',
}
registerEnumType(SweepEventKind, {
  name: 'SweepEventKind',
  description: 'EPOCH_ADDED: an epoch was stored (or rewritten). RUN_UPDATED: a run changed status or attempt.',
});

/** One event of a sweep's stored event log. */
@ObjectType({
  simpleResolvers: true,
  description:
    "One event of a sweep's stored event log, in commit order. Keep the newest `cursor` and pass it as `after` when subscribing again: the stream replays what came after it, then goes live, with nothing missed or repeated.",
})
export class SweepEvent {
  @Field(() => String)
  cursor!: string;

  @Field(() => SweepEventKind)
  kind!: SweepEventKind;

  @Field(() => Epoch, { nullable: true, description: 'The epoch as stored, for EPOCH_ADDED.' })
  epoch!: Epoch | null;

  @Field(() => Run, { nullable: true, description: 'The run as it is now, for RUN_UPDATED.' })
  run!: Run | null;
}
