import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import { formatError } from '../errors/format-error.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  schema: GraphQLSchema;
  context: Context;
  port: number;
  host: string;
  /** Browser origins allowed by CORS. */
  webOrigins: readonly string[];
}

/** A listening API server. */
export interface RunningServer {
  /** `http://host:port/graphql`; the WebSocket endpoint is the same with `ws:`. */
  url: string;
  /** Stops accepting, ends open subscriptions and waits for requests in flight. */
  stop(): Promise<void>;
}

/**
 * Serves GraphQL over HTTP (Apollo Server) and over WebSocket (graphql-ws) on one path,
 * `/graphql`, plus `/healthz` for readiness checks.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer: Server = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer({ schema: options.schema, context: () => options.context }, wsServer);

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The process owns its signals: it stops the API, then the LISTEN connection, then the database.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads from a CDN, and is blank offline.
      ApolloServerPluginLandingPageDisabled(),
      { serverWillStart: async () => ({ drainServer: async () => { await wsCleanup.dispose(); } }) },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_request, response) => {
    response.type('text/plain').send('ok');
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: [...options.webOrigins] }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => options.context }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    stop: () => apollo.stop(),
  };
}
