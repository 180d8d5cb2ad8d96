import { answers, findFreePort, repositoryRoot, startService, type Service } from './start-service.js';

/** The API server and a training worker on one test database. */
export interface Stack {
  apiUrl: string;
  services: Service[];
  stop(): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StartStackOptions {
  databaseUrl: string;
  /** Also serve the web app (production build) against the API. */
  web?: boolean;
  /** Start a training worker with the server. @default true */
  worker?: boolean;
  /** More environment for the API server, e.g. `{ SWEEPSCOPE_TOKEN: '…' }`; it wins over the stack's own. */
  serverEnv?: Record<string, string>;
}

/** Options of {@link startWorkerProcess}. */
export interface StartWorkerProcessOptions {
  /** Train only this sweep's runs (`--sweep`). @default any sweep's */
  sweepId?: number;
  /** @default auto */
  backend?: string;
  /** More environment, e.g. the lease settings. */
  env?: Record<string, string>;
}

/** Starts a training worker process on a database, as `sweepscope-train worker` does for a user. */
export function startWorkerProcess(databaseUrl: string, options: StartWorkerProcessOptions = {}): Promise<Service> {
  return startService({
    command: process.execPath,
    args: [
      'packages/trainer/dist/cli/main.js',
      'worker',
      ...(options.sweepId === undefined ? [] : ['--sweep', String(options.sweepId)]),
      ...(options.backend === undefined ? [] : ['--backend', options.backend]),
    ],
    env: { DATABASE_URL: databaseUrl, ...options.env },
    cwd: repositoryRoot,
    ready: async (output) => output().includes('ready on'),
  });
}

/** Options of {@link startApiServer}. */
export interface StartApiServerOptions {
  databaseUrl: string;
  port: number;
  /** The web app's origin, for CORS. @default none */
  webOrigin?: string;
  /** More environment, e.g. `{ SWEEPSCOPE_TOKEN: '…' }`; it wins over the defaults. */
  env?: Record<string, string>;
}

/** Starts the built API server on a port, as `npm start -w @sweepscope/server` does, and waits for /healthz. */
export function startApiServer(options: StartApiServerOptions): Promise<Service> {
  return startService({
    command: process.execPath,
    args: ['apps/server/dist/main.js'],
    env: {
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      ...(options.webOrigin === undefined ? {} : { SWEEPSCOPE_WEB_ORIGIN: options.webOrigin }),
      ...options.env,
    },
    cwd: repositoryRoot,
    ready: () => answers(`http://127.0.0.1:${options.port}/healthz`),
  });
}

/** Starts the built server, a worker and the web app, as asked, each as a user would. */
export async function startStack(options: StartStackOptions): Promise<Stack & { webUrl?: string }> {
  const apiPort = await findFreePort();
  const webPort = await findFreePort();
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const services: Service[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(services.map((service) => service.stop()));
  };
  try {
    services.push(
      await startApiServer({ databaseUrl: options.databaseUrl, port: apiPort, webOrigin: webUrl, ...(options.serverEnv ? { env: options.serverEnv } : {}) }),
    );
    if (options.worker ?? true) services.push(await startWorkerProcess(options.databaseUrl));
    if (options.web) {
      services.push(
        await startService({
          command: `${repositoryRoot}/node_modules/.bin/next`,
          args: ['start', '-p', String(webPort), '-H', '127.0.0.1'],
          cwd: `${repositoryRoot}/apps/web`,
          env: { SWEEPSCOPE_API_URL: apiUrl },
          ready: () => answers(webUrl),
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, services, stop, ...(options.web ? { webUrl } : {}) };
}
