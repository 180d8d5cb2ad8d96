import { Field, Int, ObjectType } from 'type-graphql';
import { Run } from './run.type.js';
import { PageInfo } from './sweep-connection.type.js';

/** A run in a page of runs. */
@ObjectType({ simpleResolvers: true })
export class RunEdge {
  @Field(() => String, { description: "The run's place in this order: pass it as `after` for the runs that follow." })
  cursor!: string;

  @Field(() => Run)
  node!: Run;
}

/** One page of runs, in the order asked for. */
@ObjectType({ simpleResolvers: true, description: 'One page of runs, in the order asked for (cursor pagination).' })
export class RunConnection {
  @Field(() => [RunEdge])
  edges!: RunEdge[];

  @Field(() => [Run], { description: "The page's runs, as in edges." })
  nodes!: Run[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Runs matching the filters and search, over all pages.' })
  totalCount!: number;
}
