import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RunStatus } from './run-status.enum.js';

/** One cell of a sweep, or one repeat of it. */
@ObjectType({
  simpleResolvers: true,
  description: 'One cell of a sweep (one repeat of it): a batch size and a learning rate, trained by one worker at a time.',
})
export class Run {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  sweepId!: number;

  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int, { description: "Which of the cell's repeats this is, 1-based." })
  repeat!: number;

  @Field(() => Int, { description: 'The seed it trains with (the sweep seed + repeat - 1).' })
  seed!: number;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => Int, {
    description:
      'Which time a person has asked for this cell from scratch, 1-based: retryRun(fromScratch: true) starts the next; resuming after a worker stopped, or a plain retry, does not.',
  })
  attempt!: number;

  @Field(() => String, { nullable: true, description: 'The worker training it, or that last trained it (host:pid).' })
  worker!: string | null;

  @Field(() => String, { nullable: true, description: 'The TensorFlow.js backend that trained it.' })
  backend!: string | null;

  @Field(() => String, { nullable: true, description: 'Why that backend was chosen.' })
  backendNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When its worker last reported: its heartbeat, each progress report and each stored epoch.' })
  heartbeatAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "While it runs: when its worker's lease runs out unless its heartbeat renews it; the run is then taken back and resumes from its checkpoint on another worker. Null when not running.",
  })
  leaseExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Why it ended before its last epoch: the error of a failed run, where a diverged one diverged, what stopped one early or pruned it.',
  })
  error!: string | null;

  @Field(() => [String], { description: 'Labels to find and group it by, in the order given (updateRun changes them).' })
  tags!: string[];

  @Field(() => String, { description: 'Free text about it; empty when none (updateRun changes it).' })
  notes!: string;

  @Field(() => String, { nullable: true, description: 'Where an imported run came from (a file name, "api"); null when trained here.' })
  importedFrom!: string | null;

  @Field(() => Int, { description: 'Epochs of the current attempt finished so far.' })
  epochsDone!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Throughput: mean training images per second over the current attempt. Null before the first epoch.',
  })
  imagesPerSecond!: number | null;
}
