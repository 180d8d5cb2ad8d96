import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { Finding as FindingResult, FindingNumber as FindingNumberResult } from '@sweepscope/conclusions';

/** What a finding is about. Values match the conclusions module's topics. */
export enum FindingTopic {
  RANKING = 'ranking',
  LEARNING_RATE = 'learning-rate',
  SCALING = 'scaling',
  OVERFITTING = 'overfitting',
  SPEED = 'speed',
  FAILURES = 'failures',
  COVERAGE = 'coverage',
  STABILITY = 'stability',
  REPEATS = 'repeats',
  REFERENCE = 'reference',
  NOISE_SCALE = 'noise-scale',
}
registerEnumType(FindingTopic, { name: 'FindingTopic', description: 'What a finding is about.' });

/** One number a finding rests on. */
@ObjectType({ simpleResolvers: true, description: 'One number a finding rests on, named as its sentence names it.' })
export class FindingNumber implements FindingNumberResult {
  @Field(() => String)
  label!: string;

  @Field(() => Float, { description: 'Unrounded; accuracies are fractions 0–1, not percentages.' })
  value!: number;
}

/** One conclusion of a sweep, as a sentence and its numbers. */
@ObjectType({
  simpleResolvers: true,
  description: 'One conclusion of a sweep: a plain English sentence and the numbers it rests on, all computed from the data.',
})
export class Finding implements FindingResult {
  @Field(() => FindingTopic)
  topic!: FindingTopic;

  @Field(() => String)
  text!: string;

  @Field(() => [FindingNumber])
  numbers!: FindingNumber[];
}
