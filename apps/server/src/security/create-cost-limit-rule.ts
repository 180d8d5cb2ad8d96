import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Fields whose answer is computed over a whole sweep rather than read from a row: each
 * costs this many plain fields. `conclusions` fits models and runs tests over every run.
 */
const fieldCosts: Readonly<Record<string, number>> = { conclusions: 100 };

/**
 * A GraphQL validation rule that refuses an operation costing more than `maxCost`: each field
 * asked for costs 1 (`conclusions` 100; `__typename` nothing, introspection's `__schema` and
 * `__type` like any field), every alias and every fragment spread counted where it is spread,
 * so 300 aliased copies of one field cost 300 times as much. Each fragment is measured once
 * per document, so a chain of fragments that spread the next twice costs 2^n to answer but
 * only n to measure. The cost is of what is asked, not of the rows that come back.
 *
 * Reports one error per offending operation, with `extensions.code` `GRAPHQL_VALIDATION_FAILED`
 * and a message giving its cost and the limit.
 *
 * @param maxCost the largest cost allowed; a positive integer
 * @throws {RangeError} when `maxCost` is not a positive integer
 */
export function createCostLimitRule(maxCost: number): ValidationRule {
  if (!Number.isInteger(maxCost) || maxCost < 1) {
    throw new RangeError(`maxCost: expected a positive integer, got ${maxCost}`);
  }
  return (context) => {
    const fragmentCosts = new Map<string, number>();
    return {
      OperationDefinition(operation) {
        const cost = measureCost(operation.selectionSet, context, fragmentCosts, new Set());
        if (cost <= maxCost) return;
        const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
        context.reportError(
          new GraphQLError(
            `${name} costs ${cost} (a field 1, conclusions ${fieldCosts.conclusions}, each alias and fragment spread counted); this server allows at most ${maxCost}. Split it into smaller requests.`,
            {
              nodes: [operation],
              extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED },
            },
          ),
        );
      },
    };
  };
}

function measureCost(selectionSet: SelectionSetNode, context: ValidationContext, fragmentCosts: Map<string, number>, visiting: Set<string>): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      cost += (fieldCosts[selection.name.value] ?? 1) + (selection.selectionSet ? measureCost(selection.selectionSet, context, fragmentCosts, visiting) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += measureCost(selection.selectionSet, context, fragmentCosts, visiting);
    } else {
      const name = selection.name.value;
      let known = fragmentCosts.get(name);
      const fragment = context.getFragment(name);
      // A cycle is reported by graphql's own NoFragmentCyclesRule; here it only must not loop.
      if (known === undefined && fragment && !visiting.has(name)) {
        visiting.add(name);
        known = measureCost(fragment.selectionSet, context, fragmentCosts, visiting);
        visiting.delete(name);
        fragmentCosts.set(name, known);
      }
      cost += known ?? 0;
    }
  }
  return cost;
}
