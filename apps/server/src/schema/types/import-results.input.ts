import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ResultsFormat } from './results-format.enum.js';

/**
 * What `importResults` takes: the results, where to put them, and for a new sweep its
 * settings, checked by the same rules as `createSweep` except that any data set name is
 * accepted. Settings left out come from the seed preset (the reference protocol).
 */
@InputType({
  description:
    'Results trained elsewhere, to store as succeeded runs: into a new sweep (settings checked as createSweep checks them, any data set name accepted, the rest from the seed preset) or into sweepId.',
})
export class ImportResultsInput {
  @Field(() => ResultsFormat)
  format!: ResultsFormat;

  @Field(() => String, { description: "The file's text." })
  content!: string;

  @Field(() => String, { nullable: true, description: 'The file\'s name: stored on each run as where it came from (else "api") and used in messages.' })
  filename?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Add to this sweep (not read-only) instead of making one. A run whose cell and repeat it has takes the next free repeat.',
  })
  sweepId?: string;

  @Field(() => Int, { nullable: true, description: 'KERAS_HISTORY only, and required there: the batch size the run trained with.' })
  batchSize?: number;

  @Field(() => Float, { nullable: true, description: 'KERAS_HISTORY only, and required there: the learning rate the run trained with.' })
  learningRate?: number;

  @Field(() => Int, { nullable: true, description: 'KERAS_HISTORY only: which repeat of the cell the run is. Default 1.' })
  repeat?: number;

  @Field(() => String, { nullable: true, description: 'New sweep: defaults to "<filename> (imported)", or to the data set and cells.' })
  name?: string;

  @Field(() => [String], { nullable: true, description: "New sweep: its tags (a run's own come from the file's tags column)." })
  tags?: string[];

  @Field(() => String, { nullable: true, description: "New sweep: its notes (a run's own come from the file's notes column)." })
  notes?: string;

  @Field(() => String, { nullable: true, description: 'New sweep: the preset its settings start from. Default seed.' })
  preset?: string;

  @Field(() => String, { nullable: true, description: 'New sweep: any data set name, as the runs are not trained here. Default "unnamed (imported)".' })
  dataset?: string;

  @Field(() => String, { nullable: true, description: 'New sweep: the weights the runs started from.' })
  weights?: string;

  @Field(() => Float, { nullable: true, description: 'New sweep: MobileNetV2 width multiplier α.' })
  alpha?: number;

  @Field(() => Int, { nullable: true, description: 'New sweep: input side in pixels, at least 32.' })
  inputSize?: number;

  @Field(() => Float, { nullable: true, description: 'New sweep: momentum of the batch-norm moving statistics, 0 ≤ m < 1.' })
  batchNormMomentum?: number;

  @Field(() => Int, { nullable: true, description: 'New sweep: tf.data-style shuffle buffer, in images.' })
  shuffleBuffer?: number;

  @Field(() => Int, { nullable: true, description: 'New sweep: seed of the first repeat, recorded on the runs. Default 42.' })
  seed?: number;

  @Field(() => Int, { nullable: true, description: 'New sweep: training images used.' })
  trainLimit?: number;

  @Field(() => Int, { nullable: true, description: 'New sweep: validation images used.' })
  valLimit?: number;

  @Field(() => Int, {
    nullable: true,
    description: "New sweep: the data set's classes, which place chance accuracy. Default 10 for fashion-mnist, otherwise not known.",
  })
  classes?: number;

  @Field(() => Int, { nullable: true, description: 'New sweep: images each validation pass scored, which say how far noise reaches above chance.' })
  valImages?: number;
}
