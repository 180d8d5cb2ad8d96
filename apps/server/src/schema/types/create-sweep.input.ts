import { Field, Float, InputType, Int } from 'type-graphql';

/** What `createSweep` takes; checked by the same validation as the terminal's flags. */
@InputType({ description: 'A sweep to queue. Values are checked by the same rules as the terminal command.' })
export class CreateSweepInput {
  @Field(() => String, { nullable: true, description: 'Defaults to the data set and the cells.' })
  name?: string;

  @Field(() => String, { defaultValue: 'synthetic', description: 'synthetic or fashion-mnist.' })
  dataset!: string;

  @Field(() => String, { description: 'Cells as "batchSize:learningRate" pairs separated by commas, e.g. "32:0.1,128:0.001".' })
  cells!: string;

  @Field(() => Int, { defaultValue: 2 })
  epochs!: number;

  @Field(() => Float, { defaultValue: 0.35, description: 'MobileNetV2 width multiplier α.' })
  alpha!: number;

  @Field(() => Int, { defaultValue: 32, description: 'Input side in pixels, at least 32.' })
  inputSize!: number;

  @Field(() => Int, { nullable: true, description: 'Training images to use (a stratified subset).' })
  trainLimit?: number;

  @Field(() => Int, { nullable: true, description: 'Validation images to use (a stratified subset).' })
  valLimit?: number;
}
