import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import { createEventSubscribe } from './create-event-subscribe.js';
import { coalesceSends, createWriteCoalescer } from './create-write-coalescer.js';
import { formatError } from '../errors/format-error.js';
import { createCompiledExecution } from '../execution/create-compiled-execution.js';
import { authorizeConnection } from '../security/authorize-connection.js';
import { createCostLimitRule } from '../security/create-cost-limit-rule.js';
import { createDepthLimitRule } from '../security/create-depth-limit-rule.js';
import { createSocketValidator } from '../security/create-socket-validator.js';
import { refuseHttpSubscriptions } from '../security/refuse-http-subscriptions.js';
import { requireAccessToken } from '../security/require-access-token.js';
import { createExportRoutes } from './export-routes.js';
import { createImportRoute } from './import-route.js';
import { sendNotFound, sendRequestError } from './send-request-error.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  schema: GraphQLSchema;
  /** Makes the context of one HTTP request or one WebSocket subscription (its loaders batch within it). */
  createContext: () => Context;
  port: number;
  host: string;
  /**
   * Browser origins allowed by CORS, on every route; a WebSocket upgrade whose `Origin` is
   * not one of them is refused with 403 (clients that send no `Origin` are not browsers).
   */
  webOrigins: readonly string[];
  /**
   * When set, every HTTP request but `GET /healthz` needs `Authorization: Bearer <token>`
   * (else 401, `UNAUTHENTICATED`), and every WebSocket its `connection_init` payload
   * `{ authorization: 'Bearer <token>' }` or `{ token }` (else closed with 4403).
   * @default undefined (nothing is required: keep the server on loopback)
   */
  token?: string | undefined;
  /** Whether `__schema` and `__type` may be asked for, over HTTP and WebSocket alike. @default true */
  introspection?: boolean;
  /** The deepest nesting of fields an operation may have, over HTTP and WebSocket alike. @default 10 */
  maxQueryDepth?: number;
  /** The largest cost an operation may have (`createCostLimitRule`), over HTTP and WebSocket alike. @default 2000 */
  maxQueryCost?: number;
  /** The largest upload `POST /imports` takes, in bytes. @default 1 GiB */
  maxImportBytes?: number;
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
 *
 * @throws {RangeError} when `maxQueryDepth` or `maxQueryCost` is not a positive integer
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { token, introspection = true, maxQueryDepth = 10, maxQueryCost = 2000 } = options;
  const app = express();
  const httpServer: Server = createServer(app);
  const isAllowedOrigin = (origin: string | undefined): boolean => !origin || options.webOrigins.includes(origin);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    verifyClient: ({ origin }, allow) => allow(isAllowedOrigin(origin), 403, 'Origin not allowed'),
  });
  // Each socket writes about once per 50 ms under load, at once when quiet: see createWriteCoalescer.
  const coalescer = createWriteCoalescer(50);
  // Registered before graphql-ws' own listener, so that it sends through the coalescer.
  wsServer.on('connection', (socket, request) => coalesceSends(socket, request.socket, coalescer));
  const wsCleanup = useServer(
    {
      schema: options.schema,
      context: () => options.createContext(),
      subscribe: createEventSubscribe({ createContext: options.createContext }),
      validate: createSocketValidator({ maxDepth: maxQueryDepth, maxCost: maxQueryCost, introspection }),
      ...(token === undefined ? {} : { onConnect: authorizeConnection(token) }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    gateway: createCompiledExecution(options.schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection,
    validationRules: [createDepthLimitRule(maxQueryDepth), createCostLimitRule(maxQueryCost), refuseHttpSubscriptions],
    // The process owns its signals: it stops the API, then the LISTEN connection, then the database.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads from a CDN, and is blank offline.
      ApolloServerPluginLandingPageDisabled(),
      // No type sets cache hints, and the plugin hooks every field resolved: a 1,000-run grid resolves tens of thousands.
      ApolloServerPluginCacheControlDisabled(),
      {
        serverWillStart: async () => ({
          drainServer: async () => {
            coalescer.flush();
            await wsCleanup.dispose();
          },
        }),
      },
    ],
  });
  await apollo.start();

  // On every route, so whatever a browser fetches gets CORS headers, and a preflight (which
  // never carries the token) is answered before the token is asked for.
  app.use(cors<cors.CorsRequest>({ origin: [...options.webOrigins] }));
  if (token !== undefined) app.use(requireAccessToken({ token }));
  app.get('/healthz', (_request, response) => {
    response.type('text/plain').send('ok');
  });
  app.use(createExportRoutes(options.createContext));
  app.use(createImportRoute({ createContext: options.createContext, maxBytes: options.maxImportBytes ?? 1_073_741_824 }));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => options.createContext() }));
  // Last: what fails before GraphQL (a body that is not JSON, or too large) is answered as a
  // coded GraphQL error, not as Express's HTML page with its stack and file paths.
  app.use(sendNotFound);
  app.use(sendRequestError);

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
