import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repositoryRoot } from '../support/start-service.js';

const run = promisify(execFile);

interface ComposeService {
  command?: string[];
  working_dir?: string;
  environment?: Record<string, string>;
  image?: string;
  build?: { context: string; dockerfile: string };
}

/** Every source file of the project that reads settings, for checking that a variable the deployment sets is one the project reads. */
async function readSettingsSources(): Promise<string> {
  const files = ['packages/db/src/env.ts', 'apps/server/src/env.ts', 'apps/web/src/env.ts', 'packages/trainer/src/env.ts'];
  return (await Promise.all(files.map((file) => readFile(join(repositoryRoot, file), 'utf8')))).join('\n');
}

describe('deploy/compose.yaml', () => {
  it('parses, and every command it runs and every variable it sets exist in the project', async () => {
    const compose = parse(await readFile(join(repositoryRoot, 'deploy/compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
    const services = compose.services;
    assert.deepEqual(Object.keys(services).sort(), ['api', 'api-for-dashboard', 'postgres', 'web', 'worker', 'worker-gpu']);
    const settings = await readSettingsSources();
    for (const [name, service] of Object.entries(services)) {
      if (service.build) assert.ok(existsSync(join(repositoryRoot, 'deploy', service.build.context, service.build.dockerfile)), `${name}: its Dockerfile`);
      const [program, script, ...args] = service.command ?? [];
      if (program === 'node') {
        // The image holds the repository at /app, built: the script is a build output.
        assert.ok(existsSync(join(repositoryRoot, script ?? '')), `${name}: ${script} is not built here (npm run build makes it)`);
        if (script === 'packages/trainer/dist/cli/main.js') {
          const { stdout } = await run(process.execPath, [join(repositoryRoot, script), '--help']);
          assert.match(stdout, new RegExp(`sweepscope-train ${args[0]} `), `${name}: ${args.join(' ')}`);
          for (const flag of args.filter((arg) => arg.startsWith('--'))) assert.match(stdout, new RegExp(`${flag} `), `${name}: ${flag}`);
        }
      } else if (program !== undefined) {
        assert.ok(existsSync(join(repositoryRoot, program.replace(/^\/app\//, ''))), `${name}: ${program}`);
        assert.ok(existsSync(join(repositoryRoot, (service.working_dir ?? '/app').replace(/^\/app\/?/, ''))), `${name}: ${service.working_dir}`);
      }
      for (const variable of Object.keys(service.environment ?? {})) {
        if (name === 'postgres') continue;
        assert.ok(settings.includes(`'${variable}'`) || settings.includes(`env.${variable}`), `${name} sets ${variable}, which the project does not read`);
      }
    }
  });

  it('builds its image with commands the project has', async () => {
    const dockerfile = await readFile(join(repositoryRoot, 'deploy/Dockerfile'), 'utf8');
    assert.match(dockerfile, /RUN npm ci .*&& npx turbo run build/);
    const turbo = JSON.parse(await readFile(join(repositoryRoot, 'turbo.json'), 'utf8')) as { tasks: Record<string, unknown> };
    assert.ok('build' in turbo.tasks);
    assert.ok(existsSync(join(repositoryRoot, 'package-lock.json')), 'npm ci needs the lock file');
  });
});
