import { Field, Int, ObjectType } from 'type-graphql';
import { InterruptionKind } from './interruption-kind.enum.js';

/** One time a run stopped part-way and was queued to resume on the same attempt. */
@ObjectType({
  simpleResolvers: true,
  description: 'One time a run stopped part-way and was queued again to resume from its last checkpoint, on the same attempt.',
})
export class RunInterruption {
  @Field(() => InterruptionKind)
  kind!: InterruptionKind;

  @Field(() => Int, { description: 'The attempt it interrupted.' })
  attempt!: number;

  @Field(() => String, { nullable: true, description: 'The worker that held the run (host:pid); null for a retry.' })
  worker!: string | null;

  @Field(() => Date, { nullable: true, description: "That worker's last heartbeat: when it was last known alive." })
  lastHeartbeatAt!: Date | null;

  @Field(() => Date, { description: 'When the run was queued again.' })
  at!: Date;

  @Field(() => Int, { description: 'Epochs of the attempt stored by then; the one after them, if it was training, was lost.' })
  epochsDone!: number;

  @Field(() => String, { description: 'Why, in words.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'The worker that took the run up again; null until one has.' })
  resumedBy!: string | null;

  @Field(() => Date, { nullable: true })
  resumedAt!: Date | null;
}
