import { Field, Float, Int, ObjectType } from 'type-graphql';

/** How far a sweep has got. */
@ObjectType({ simpleResolvers: true, description: 'How far a sweep has got: its runs by status, and epochs done of all it will train.' })
export class SweepProgress {
  @Field(() => Int)
  runs!: number;

  @Field(() => Int)
  queued!: number;

  @Field(() => Int)
  running!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  diverged!: number;

  @Field(() => Int)
  cancelled!: number;

  @Field(() => Int)
  stoppedEarly!: number;

  @Field(() => Int)
  pruned!: number;

  @Field(() => Int, { description: "Epochs stored, over every run's current attempt." })
  epochsDone!: number;

  @Field(() => Int, { description: 'Epochs the sweep will have in all: the planned epochs of each queued or running run, plus the epochs each ended run has.' })
  epochsTotal!: number;

  @Field(() => Float, { description: 'epochsDone / epochsTotal, 0–1.' })
  fraction!: number;
}
