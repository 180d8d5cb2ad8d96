import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * A GraphQL validation rule for the HTTP transport only: a subscription sent as an HTTP
 * request is refused with `BAD_REQUEST`, saying to use WebSocket, instead of being executed as
 * a query (where its resolver has no event to resolve and fails).
 */
export const refuseHttpSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      new GraphQLError(
        'Subscriptions are served over WebSocket, not HTTP: connect a graphql-ws client to this same URL with ws:// (or wss://) and subscribe there.',
        { nodes: [operation], extensions: { code: ApolloServerErrorCode.BAD_REQUEST } },
      ),
    );
  },
});
