import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
  const child = spawn(`${repositoryRoot}/node_modules/.bin/next`, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: `${repositoryRoot}/apps/web`,
    env: { ...process.env, SWEEPSCOPE_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) break;
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${text}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start was not ready in 2 minutes:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop };
}
