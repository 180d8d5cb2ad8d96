import { Field, Int, ObjectType } from 'type-graphql';
import { Sweep } from './sweep.type.js';

/** Where a page of a list ends. */
@ObjectType({ simpleResolvers: true, description: 'Where a page of a list ends.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null for an empty page.' })
  endCursor!: string | null;
}

/** A sweep in a page of sweeps. */
@ObjectType({ simpleResolvers: true })
export class SweepEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Sweep)
  node!: Sweep;
}

/** One page of sweeps, newest first. */
@ObjectType({ simpleResolvers: true, description: 'One page of sweeps, newest first (cursor pagination).' })
export class SweepConnection {
  @Field(() => [SweepEdge])
  edges!: SweepEdge[];

  @Field(() => [Sweep], { description: "The page's sweeps, as in edges." })
  nodes!: Sweep[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Sweeps matching the filters, over all pages.' })
  totalCount!: number;
}
