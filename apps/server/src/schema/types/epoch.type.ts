import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** Metrics of one finished epoch of a run. */
@ObjectType({ description: 'Metrics of one finished epoch of a run (train metrics over the epoch, validation after it).' })
export class Epoch {
  @Field(() => ID, { description: 'Increases with every stored epoch.' })
  id!: number;

  @Field(() => ID)
  runId!: number;

  @Field(() => ID)
  sweepId!: number;

  @Field(() => Int, { description: '1-based.' })
  epoch!: number;

  @Field(() => Float, { description: 'Mean training cross-entropy over the epoch.' })
  loss!: number;

  @Field(() => Float, { description: 'Training accuracy over the epoch, 0–1.' })
  accuracy!: number;

  @Field(() => Float)
  valLoss!: number;

  @Field(() => Float, { description: 'Validation accuracy after the epoch, 0–1.' })
  valAccuracy!: number;

  @Field(() => Int, { description: 'Wall time of the epoch, training and validation, in milliseconds.' })
  durationMs!: number;

  @Field(() => Float, { description: 'Training images per second over the epoch.' })
  imagesPerSecond!: number;
}
