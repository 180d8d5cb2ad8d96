import { GraphQLScalarType, Kind } from 'graphql';

/** Whether a value is what {@link MetricSeries} sends: an array of finite numbers and nulls. */
function isSeries(value: unknown): value is (number | null)[] {
  return Array.isArray(value) && value.every((item) => item === null || (typeof item === 'number' && Number.isFinite(item)));
}

/**
 * One number per epoch as a single value: a JSON array of numbers and nulls on the wire,
 * as a `[Float]` list would be, but executed as one value rather than one list item each.
 * A 1,000-run grid's sparklines are 50,000 numbers, and graphql-js completes every list
 * item on its own (a path object and a serialize call each): most of the grid query's
 * execution time and garbage. Output only.
 */
export const MetricSeries = new GraphQLScalarType({
  name: 'MetricSeries',
  description:
    "One metric by epoch: a JSON array whose element i is epoch i + 1's value, null where that epoch has none. Sent as one value (a scalar) so that long grids of series execute quickly; an output, never an argument.",
  serialize(value) {
    if (!isSeries(value)) throw new TypeError('MetricSeries: expected an array of finite numbers and nulls');
    return value;
  },
  parseValue() {
    throw new TypeError('MetricSeries is an output only: it cannot be an argument');
  },
  parseLiteral(ast) {
    throw new TypeError(`MetricSeries is an output only: it cannot be an argument (got a ${ast.kind === Kind.LIST ? 'list' : ast.kind} literal)`);
  },
});
