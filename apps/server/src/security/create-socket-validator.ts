import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, NoSchemaIntrospectionCustomRule, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createCostLimitRule } from './create-cost-limit-rule.js';
import { createDepthLimitRule } from './create-depth-limit-rule.js';

/** Options of {@link createSocketValidator}. */
export interface CreateSocketValidatorOptions {
  /** The deepest nesting allowed, in fields. */
  maxDepth: number;
  /** The largest cost allowed (`createCostLimitRule`). */
  maxCost: number;
  /** Whether `__schema` and `__type` may be asked for. */
  introspection: boolean;
}

/**
 * Returns the `validate` of graphql-ws: graphql's specified rules, the depth and cost limits, and
 * graphql's `NoSchemaIntrospectionCustomRule` when introspection is off — what Apollo Server
 * applies over HTTP. Errors without a code get Apollo's `GRAPHQL_VALIDATION_FAILED`, so a
 * client sees the same error on either transport.
 *
 * @throws {RangeError} when `maxDepth` or `maxCost` is not a positive integer
 */
export function createSocketValidator({
  maxDepth,
  maxCost,
  introspection,
}: CreateSocketValidatorOptions): (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[] {
  const rules = [...specifiedRules, createDepthLimitRule(maxDepth), createCostLimitRule(maxCost), ...(introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  return (schema, document) =>
    validate(schema, document, rules).map((error) =>
      error.extensions.code === undefined
        ? new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            originalError: error.originalError,
            extensions: { ...error.extensions, code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED },
          })
        : error,
    );
}
