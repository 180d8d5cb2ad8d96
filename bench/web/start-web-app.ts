import { fileURLToPath } from 'node:url';
import { answers, startService } from '@sweepscope/trainer/processes';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built dashboard (`next start`) in a process of its own. */
export interface WebApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the production build of apps/web against an API, as `npm start` does, and waits
 * until its home page answers.
 * @param apiUrl the API's `/graphql` URL
 * @throws {Error} when it exits or is not ready within two minutes, with its output
 */
export async function startWebApp(apiUrl: string, port: number): Promise<WebApp> {
  const url = `http://127.0.0.1:${port}`;
  const service = await startService({
    command: `${repositoryRoot}/node_modules/.bin/next`,
    args: ['start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: `${repositoryRoot}/apps/web`,
    env: { SWEEPSCOPE_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
    ready: () => answers(url),
  });
  return { url, stop: () => service.stop() };
}
