import { CloseCode } from 'graphql-ws';
import type { Context as ConnectionContext } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { createAccessTokenCheck } from './create-access-token-check.js';
import { describeRefusal } from './describe-refusal.js';

/**
 * Returns a graphql-ws `onConnect` hook that admits a connection only when its
 * `connection_init` payload carries the token, as `{ authorization: 'Bearer <token>' }` or
 * `{ token: '<token>' }`. A refused socket is closed with `4403 Forbidden` and a reason
 * naming the problem (graphql-ws' own close on `false` then finds it closing already).
 *
 * @param token the server's access token (`SWEEPSCOPE_TOKEN`)
 */
export function authorizeConnection(token: string): (context: ConnectionContext<Record<string, unknown> | undefined, Extra>) => boolean {
  const check = createAccessTokenCheck(token);
  return (context) => {
    const verdict = check(context.connectionParams ?? {});
    if (verdict === 'granted') return true;
    context.extra.socket.close(CloseCode.Forbidden, describeRefusal(verdict, 'websocket'));
    return false;
  };
}
