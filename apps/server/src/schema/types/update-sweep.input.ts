import { Field, InputType } from 'type-graphql';

/** What `updateSweep` changes: the fields given, checked as `createSweep` checks them. */
@InputType({ description: "A change of a sweep's name, tags or notes: only the fields given change." })
export class UpdateSweepInput {
  @Field(() => String, { nullable: true, description: '1–200 characters on one line.' })
  name?: string;

  @Field(() => [String], { nullable: true, description: 'The whole new list: up to 20 tags of 1–64 characters, without commas; [] removes them all.' })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Free text, up to 10,000 characters; "" removes them.' })
  notes?: string;
}
