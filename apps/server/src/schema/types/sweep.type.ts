import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** One study: a grid of batch size × learning rate runs sharing every other setting. */
@ObjectType({ simpleResolvers: true, description: 'One study: a grid of batch size × learning rate runs sharing every other setting.' })
export class Sweep {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Labels to find and group it by, in the order given (updateSweep changes them).' })
  tags!: string[];

  @Field(() => String, { description: 'Free text about it; empty when none (updateSweep changes it).' })
  notes!: string;

  @Field(() => String)
  dataset!: string;

  @Field(() => String, { nullable: true, description: "Folder of the data set's files on the workers." })
  dataDir!: string | null;

  @Field(() => String, { nullable: true, description: 'Path or URL of the weights the base started from; null trains from scratch.' })
  weights!: string | null;

  @Field(() => String, { nullable: true, description: 'The preset the settings started from, before explicit overrides.' })
  preset!: string | null;

  @Field(() => Float, { description: 'MobileNetV2 width multiplier α.' })
  alpha!: number;

  @Field(() => Int, { description: 'Input side in pixels.' })
  inputSize!: number;

  @Field(() => Float, { description: 'Momentum of the batch-norm moving statistics that validation uses.' })
  batchNormMomentum!: number;

  @Field(() => Float, { description: "A run diverges when its epoch's mean training loss so far passes this many times a uniform guess's (ln classes nats)." })
  divergenceFactor!: number;

  @Field(() => Int, { nullable: true, description: 'Early stopping: a run stops once its validation loss has not improved for this many epochs; null never.' })
  earlyStopPatience!: number | null;

  @Field(() => String, { nullable: true, description: '"median" (Optuna\'s MedianPruner), or null: no pruning.' })
  pruner!: string | null;

  @Field(() => Int, { description: 'Epochs every run trains before the pruner may stop it.' })
  pruneWarmupEpochs!: number;

  @Field(() => Int, { description: 'Steps between two measurements of the gradient noise scale, from the second epoch; 0 never.' })
  noiseScaleInterval!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The data set's classes, which place chance accuracy: recorded by the first run to load the data, or given on import; null when not known.",
  })
  classes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Images each validation pass scores; null when not known.' })
  valImages!: number | null;

  @Field(() => Int, { description: 'Epochs each run trains.' })
  epochs!: number;

  @Field(() => Int, { description: 'tf.data-style shuffle buffer, in images.' })
  shuffleBuffer!: number;

  @Field(() => Int, { description: 'Seed of the first repeat.' })
  seed!: number;

  @Field(() => Int, { description: 'Times each cell is trained, each with its own seed.' })
  repeats!: number;

  @Field(() => Int, { nullable: true, description: 'Training images used (a stratified subset); null uses all.' })
  trainLimit!: number | null;

  @Field(() => Int, { nullable: true, description: 'Validation images used (a stratified subset); null uses all.' })
  valLimit!: number | null;

  @Field(() => String, { description: 'Who or what created it: cli, api, start, import, built-in, or plan (a probe made by planSweep).' })
  createdBy!: string;

  @Field(() => [String], {
    description:
      "The settings an imported sweep's results never stated (dataset, alpha, inputSize, batchNormMomentum, shuffleBuffer, seed, trainLimit, valLimit, weights): its values for these are the seed preset's defaults, filled in to make a sweep, not how its runs trained. Empty for a sweep trained here.",
  })
  unstatedSettings!: string[];

  @Field(() => String, { nullable: true, description: 'The key of a built-in sweep ("reference-study"); null for sweeps people made.' })
  builtIn!: string | null;

  @Field(() => Boolean, { description: 'A built-in record: its runs cannot be queued, retried, cancelled or added to.' })
  readOnly!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}
