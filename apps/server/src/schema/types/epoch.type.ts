import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** Metrics of one finished epoch of a run. */
@ObjectType({ simpleResolvers: true, description: 'Metrics of one finished epoch of a run (train metrics over the epoch, validation after it).' })
export class Epoch {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  runId!: number;

  @Field(() => ID)
  sweepId!: number;

  @Field(() => Int, { description: "The run's attempt this epoch belongs to, 1-based: a retry starts again at epoch 1." })
  attempt!: number;

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

  @Field(() => Int, { nullable: true, description: 'Wall time of the epoch, training and validation, in milliseconds; null when imported without it.' })
  durationMs!: number | null;

  @Field(() => Float, { nullable: true, description: 'Training images per second over the epoch; null when imported without it.' })
  imagesPerSecond!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The gradient noise scale B_simple at the epoch's end, in images: tr(Σ) / |G|², an estimate of the critical batch size (McCandlish et al. 2018), from the squared gradient norms of a batch's two halves and of their mean every 20th step from the second epoch on, each averaged (β 0.9) before the ratio. Null in the first epoch, when not measured (imported, or trained before it was), or while the averaged |G|² or tr(Σ) is not yet positive.",
  })
  noiseScale!: number | null;
}
