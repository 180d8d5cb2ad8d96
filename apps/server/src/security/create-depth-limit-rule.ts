import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A GraphQL validation rule that refuses any operation nested deeper than `maxDepth` fields.
 * `{ sweeps { runs { epochs { loss } } } }` is 4 deep. Fragment spreads and inline fragments
 * count as the fields they contain, each fragment measured once however often it is spread.
 * Introspection fields (`__schema`, `__type`, `__typename`) are not counted: they are answered
 * from the schema, never the database, and the standard introspection query alone is 15 deep
 * (turn introspection off with `SWEEPSCOPE_INTROSPECTION=false` instead).
 *
 * Reports one error per offending operation, with `extensions.code` `GRAPHQL_VALIDATION_FAILED`
 * (what Apollo Server gives every validation error, set here too for graphql-ws) and a message
 * giving its depth and the limit.
 *
 * @param maxDepth the deepest nesting allowed, in fields; a positive integer
 * @throws {RangeError} when `maxDepth` is not a positive integer
 */
export function createDepthLimitRule(maxDepth: number): ValidationRule {
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth: expected a positive integer, got ${maxDepth}`);
  }
  return (context) => {
    const fragmentDepths = new Map<string, number>();
    return {
      OperationDefinition(operation) {
        const depth = measureDepth(operation.selectionSet, context, fragmentDepths, new Set());
        if (depth <= maxDepth) return;
        const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
        context.reportError(
          new GraphQLError(`${name} is ${depth} levels deep; this server allows at most ${maxDepth}.`, {
            nodes: [operation],
            extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED },
          }),
        );
      },
    };
  };
}

function measureDepth(selectionSet: SelectionSetNode, context: ValidationContext, fragmentDepths: Map<string, number>, visiting: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      depth = 1 + (selection.selectionSet ? measureDepth(selection.selectionSet, context, fragmentDepths, visiting) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = measureDepth(selection.selectionSet, context, fragmentDepths, visiting);
    } else {
      const name = selection.name.value;
      const known = fragmentDepths.get(name);
      // A cycle is reported by graphql's own NoFragmentCyclesRule; here it only must not loop.
      if (known === undefined && !visiting.has(name)) {
        const fragment = context.getFragment(name);
        if (fragment) {
          visiting.add(name);
          depth = measureDepth(fragment.selectionSet, context, fragmentDepths, visiting);
          visiting.delete(name);
          fragmentDepths.set(name, depth);
        }
      } else {
        depth = known ?? 0;
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
