import { Field, InputType } from 'type-graphql';

/** What `updateRun` changes: the fields given. */
@InputType({ description: "A change of a run's tags or notes: only the fields given change." })
export class UpdateRunInput {
  @Field(() => [String], { nullable: true, description: 'The whole new list: up to 20 tags of 1–64 characters, without commas; [] removes them all.' })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Free text, up to 10,000 characters; "" removes them.' })
  notes?: string;
}
