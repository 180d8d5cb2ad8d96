import type { SweepInput } from '@sweepscope/core';
import { Field, Float, InputType, Int } from 'type-graphql';
import { withoutNulls } from '../without-nulls.js';

/**
 * What `createSweep` takes; checked by the same validation as the terminal's flags. Every
 * field left out comes from the preset, so the defaults live in one place (`@sweepscope/db/sweeps`).
 */
@InputType({ description: 'A sweep to queue. Values are checked by the same rules as the terminal command; what is left out comes from the preset.' })
export class CreateSweepInput {
  @Field(() => String, { nullable: true, description: 'Defaults to the data set and the cells.' })
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Up to 20 tags of 1–64 characters, without commas.' })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Free text, up to 10,000 characters.' })
  notes?: string;

  @Field(() => String, { nullable: true, description: 'seed, quick (the default) or smoke: the settings to start from.' })
  preset?: string;

  @Field(() => String, { nullable: true, description: 'synthetic, fashion-mnist or images.' })
  dataset?: string;

  @Field(() => String, { nullable: true, description: 'Folder of the data set on the workers: required for images.' })
  dataDir?: string;

  @Field(() => String, { nullable: true, description: 'Path or URL of a TensorFlow.js layers model of the MobileNetV2 base to start from.' })
  weights?: string;

  @Field(() => String, { nullable: true, description: 'Cells as "batchSize:learningRate" pairs separated by commas, e.g. "32:0.1,128:0.001".' })
  cells?: string;

  @Field(() => [Int], { nullable: true, description: 'With learningRates, a full grid: every batch size with every learning rate.' })
  batchSizes?: number[];

  @Field(() => [Float], { nullable: true, description: 'With batchSizes, a full grid.' })
  learningRates?: number[];

  @Field(() => Int, { nullable: true, description: 'Times to train each cell, each with its own seed. Default 1.' })
  repeats?: number;

  @Field(() => Int, { nullable: true })
  epochs?: number;

  @Field(() => Float, { nullable: true, description: 'MobileNetV2 width multiplier α.' })
  alpha?: number;

  @Field(() => Int, { nullable: true, description: 'Input side in pixels, at least 32.' })
  inputSize?: number;

  @Field(() => Float, {
    nullable: true,
    description: "Momentum of the batch-norm moving statistics, 0 ≤ m < 1: 0.999 in the seed preset (Keras' MobileNetV2), 0.9 in quick and smoke.",
  })
  batchNormMomentum?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "A run diverges when its epoch's mean training loss so far passes this many times a uniform guess's (ln classes nats), from 2 to 1e12. Default 10.",
  })
  divergenceFactor?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Stop a run once its validation loss has not improved for this many epochs, keeping its best epoch as its result (Keras' EarlyStopping). Default: never.",
  })
  earlyStopPatience?: number;

  @Field(() => String, {
    nullable: true,
    description:
      '"median": stop a run whose best validation accuracy so far is below the median of the completed runs of its batch size at the same epoch (Optuna\'s MedianPruner). Default: never.',
  })
  pruner?: string;

  @Field(() => Int, { nullable: true, description: 'Epochs every run trains before the pruner may stop it. Default 2.' })
  pruneWarmupEpochs?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Measure the gradient noise scale every this many steps, from the second epoch; 0 never. Default 20; a probe (planSweep) 2.',
  })
  noiseScaleInterval?: number;

  @Field(() => Int, { nullable: true, description: 'tf.data-style shuffle buffer, in images.' })
  shuffleBuffer?: number;

  @Field(() => Int, { nullable: true, description: 'Seed of the first repeat; repeat r uses seed + r - 1. Default 42.' })
  seed?: number;

  @Field(() => Int, { nullable: true, description: 'Training images to use (a stratified subset).' })
  trainLimit?: number;

  @Field(() => Int, { nullable: true, description: 'Validation images to use (a stratified subset).' })
  valLimit?: number;
}

/** The sweep a `CreateSweepInput` asks for: null means "not given", except for the limits, where null lifts the preset's limit. */
export function readSweepInput(input: CreateSweepInput): SweepInput {
  return { ...withoutNulls(input), trainLimit: input.trainLimit, valLimit: input.valLimit };
}
