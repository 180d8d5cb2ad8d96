import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Where and how a run diverged. */
@ObjectType({ simpleResolvers: true, description: 'Where and how a run diverged: the rule that fired, the epoch and batch, and the loss that broke it.' })
export class RunDivergence {
  @Field(() => String, { description: 'The rule that fired, in words, e.g. "the loss exceeded 10 × ln 10 = 23.0 nats, 10 times a uniform guess\'s".' })
  rule!: string;

  @Field(() => Int, { description: 'The epoch it diverged in, 1-based.' })
  epoch!: number;

  @Field(() => Int, { description: 'The training batch of that epoch, 1-based; 0 for the validation after it.' })
  batch!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The epoch's mean loss so far when the rule fired, in nats; null when it was not a finite number (the rule says NaN or Infinity).",
  })
  loss!: number | null;
}
