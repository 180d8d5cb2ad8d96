import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { createClient, type Client, type ClientOptions, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { repositoryRoot } from '../support/start-service.js';
import { startStack, type Stack } from '../support/start-stack.js';

const token = 'e2e-0123456789abcdef0123456789abcdef';
const webOrigin = 'http://dashboard.example:3000';
/** A query any database answers the same: no sweep has id 999999 (the server adds only the built-in reference sweep). */
const someQuery = '{ sweep(id: "999999") { id } }';

interface HttpAnswer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Posts one operation with the given headers and keeps the status and headers. */
async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as HttpAnswer['body'] };
}

/** How one operation over graphql-ws ended: its first result, or the error (a CloseEvent or GraphQL errors). */
async function executeOverSocket(
  apiUrl: string,
  query: string,
  options: Partial<ClientOptions> = {},
): Promise<{ result?: FormattedExecutionResult<Record<string, unknown>, unknown>; error?: unknown }> {
  const client: Client = createClient({ url: apiUrl.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, ...options });
  try {
    return await new Promise((resolve) => {
      client.subscribe({ query }, { next: (result) => resolve({ result }), error: (error) => resolve({ error }), complete: () => resolve({}) });
    });
  } finally {
    await client.dispose();
  }
}

/** Runs the built server once and waits for it to exit on its own. */
function runServerUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within 30 s:\n${output}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      resolve({ code, output });
    });
  });
}

function closeCodeOf(error: unknown): { code?: number; reason?: string } {
  return typeof error === 'object' && error !== null ? error : {};
}

describe('Safe to expose', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  describe('starting', () => {
    it('refuses to listen beyond loopback without SWEEPSCOPE_TOKEN, with exit status 2 and how to set one', async () => {
      const { code, output } = await runServerUntilExit({ DATABASE_URL: db.url, HOST: '0.0.0.0', PORT: '0', SWEEPSCOPE_TOKEN: '' });
      assert.equal(code, 2, output);
      assert.match(output, /HOST=0\.0\.0\.0 serves the API beyond this machine, so it needs an access token: set SWEEPSCOPE_TOKEN=/);
      assert.match(output, /openssl rand -hex 32/);
      assert.match(output, /Authorization: Bearer <token>/);
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
    });

    it('refuses a SWEEPSCOPE_MAX_QUERY_DEPTH that is not a positive whole number, with exit status 2', async () => {
      const { code, output } = await runServerUntilExit({ DATABASE_URL: db.url, PORT: '0', SWEEPSCOPE_MAX_QUERY_DEPTH: 'ten' });
      assert.equal(code, 2, output);
      assert.match(output, /SWEEPSCOPE_MAX_QUERY_DEPTH: expected a positive whole number, got "ten"/);
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
    });
  });

  describe('with SWEEPSCOPE_TOKEN set, listening on every interface', () => {
    let stack: Stack;

    before(async () => {
      stack = await startStack({
        databaseUrl: db.url,
        worker: false,
        serverEnv: { HOST: '0.0.0.0', SWEEPSCOPE_TOKEN: token, SWEEPSCOPE_WEB_ORIGIN: webOrigin },
      });
    });
    after(async () => {
      await stack?.stop();
    });

    it('answers a GraphQL request without a token with 401 and a GraphQL-shaped UNAUTHENTICATED error', async () => {
      const answer = await post(stack.apiUrl, someQuery);
      assert.equal(answer.status, 401);
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(answer.body.data, undefined);
      assert.equal(answer.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      assert.match(answer.body.errors?.[0]?.message ?? '', /Authorization: Bearer <token>/);
    });

    it('answers a wrong or malformed token with 401 UNAUTHENTICATED', async () => {
      for (const authorization of [`Bearer ${token}x`, 'Bearer short', token, `Basic ${token}`]) {
        const answer = await post(stack.apiUrl, someQuery, { authorization });
        assert.equal(answer.status, 401, authorization);
        assert.equal(answer.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', authorization);
      }
    });

    it('serves a GraphQL request that carries the token', async () => {
      const answer = await post(stack.apiUrl, someQuery, { authorization: `Bearer ${token}` });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { data: { sweep: null } });
    });

    it('keeps GET /healthz open for readiness probes', async () => {
      const response = await fetch(stack.apiUrl.replace('/graphql', '/healthz'));
      assert.equal(response.status, 200);
      assert.equal(await response.text(), 'ok');
    });

    it('asks for the token on every other route too', async () => {
      for (const path of ['/sweeps/1/epochs.csv', '/sweeps/1/epochs.json', '/anything']) {
        const response = await fetch(stack.apiUrl.replace('/graphql', path));
        assert.equal(response.status, 401, path);
        const body = (await response.json()) as HttpAnswer['body'];
        assert.equal(body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', path);
      }
    });

    it('asks for the token before reading an upload, and imports one that carries it', async () => {
      const uploads = stack.apiUrl.replace('/graphql', '/imports?format=csv');
      const body = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy\n8,0.1,1,1,0.5,1,0.5\n';
      const refused = await fetch(uploads, { method: 'POST', body });
      assert.equal(refused.status, 401);
      assert.equal(((await refused.json()) as HttpAnswer['body']).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const taken = await fetch(uploads, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
      assert.equal(taken.status, 201, await taken.clone().text());
    });

    it('closes a WebSocket whose connection_init carries no token with 4403 and a reason naming the problem', async () => {
      const { result, error } = await executeOverSocket(stack.apiUrl, someQuery);
      assert.equal(result, undefined);
      assert.equal(closeCodeOf(error).code, 4403);
      assert.match(closeCodeOf(error).reason ?? '', /Access token required: send a connection_init payload \{ authorization: "Bearer <token>" \}/);
    });

    it('closes a WebSocket whose connection_init carries a wrong token with 4403', async () => {
      const { error } = await executeOverSocket(stack.apiUrl, someQuery, { connectionParams: { authorization: 'Bearer wrong' } });
      assert.equal(closeCodeOf(error).code, 4403);
      assert.match(closeCodeOf(error).reason ?? '', /Wrong access token/);
    });

    it('serves a WebSocket whose connection_init carries the token as authorization or as token', async () => {
      for (const connectionParams of [{ authorization: `Bearer ${token}` }, { token }]) {
        const { result, error } = await executeOverSocket(stack.apiUrl, someQuery, { connectionParams });
        assert.equal(error, undefined, JSON.stringify(connectionParams));
        assert.deepEqual(result, { data: { sweep: null } });
      }
    });

    it('refuses a WebSocket upgrade from a browser origin that is not allowed, and accepts the allowed one', async () => {
      const open = (origin: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const socket = new WebSocket(stack.apiUrl.replace('http', 'ws'), 'graphql-transport-ws', { origin });
          socket.once('open', () => {
            socket.close();
            resolve(101);
          });
          socket.once('unexpected-response', (_request, response) => {
            socket.terminate();
            resolve(response.statusCode ?? 0);
          });
          socket.once('error', (error) => reject(error));
        });
      assert.equal(await open('http://evil.example'), 403);
      assert.equal(await open(webOrigin), 101);
    });

    it('answers a CORS preflight from the web app without asking for the token', async () => {
      const response = await fetch(stack.apiUrl, {
        method: 'OPTIONS',
        headers: { origin: webOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      assert.ok(response.status < 300, `status ${response.status}`);
      assert.equal(response.headers.get('access-control-allow-origin'), webOrigin);
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    });
  });

  describe('with the default settings, on loopback', () => {
    let stack: Stack;

    before(async () => {
      stack = await startStack({ databaseUrl: db.url, worker: false, serverEnv: { SWEEPSCOPE_TOKEN: '', SWEEPSCOPE_WEB_ORIGIN: webOrigin } });
    });
    after(async () => {
      await stack?.stop();
    });

    it('needs no token over HTTP or WebSocket', async () => {
      assert.deepEqual((await post(stack.apiUrl, someQuery)).body, { data: { sweep: null } });
      assert.deepEqual((await executeOverSocket(stack.apiUrl, someQuery)).result, { data: { sweep: null } });
    });

    it('answers introspection', async () => {
      const answer = await post(stack.apiUrl, '{ __schema { queryType { name } } }');
      assert.deepEqual(answer.body, { data: { __schema: { queryType: { name: 'Query' } } } });
    });

    it('serves a nested query within the default depth limit of 10', async () => {
      const answer = await post(stack.apiUrl, '{ sweep(id: "999999") { runs { latestEpoch { id } } } }');
      assert.deepEqual(answer.body, { data: { sweep: null } });
    });

    it('sends Access-Control-Allow-Origin to the web app and none to another origin', async () => {
      const allowed = await fetch(stack.apiUrl, {
        method: 'POST',
        headers: { origin: webOrigin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: someQuery }),
      });
      assert.equal(allowed.headers.get('access-control-allow-origin'), webOrigin);
      const other = await fetch(stack.apiUrl, {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: someQuery }),
      });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const preflight = await fetch(stack.apiUrl, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const exportRoute = await fetch(stack.apiUrl.replace('/graphql', '/sweeps/1/epochs.csv'), { headers: { origin: webOrigin } });
      assert.equal(exportRoute.headers.get('access-control-allow-origin'), webOrigin);
    });
  });

  describe('with SWEEPSCOPE_INTROSPECTION=false and SWEEPSCOPE_MAX_QUERY_DEPTH=3', () => {
    let stack: Stack;

    before(async () => {
      stack = await startStack({
        databaseUrl: db.url,
        worker: false,
        serverEnv: { SWEEPSCOPE_TOKEN: '', SWEEPSCOPE_INTROSPECTION: 'false', SWEEPSCOPE_MAX_QUERY_DEPTH: '3' },
      });
    });
    after(async () => {
      await stack?.stop();
    });

    it('refuses a too-deep query over HTTP with GRAPHQL_VALIDATION_FAILED, giving its depth and the limit', async () => {
      const answer = await post(stack.apiUrl, '{ sweep(id: "999999") { runs { latestEpoch { id } } } }');
      assert.equal(answer.status, 400);
      assert.equal(answer.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.equal(answer.body.errors?.[0]?.message, 'The operation is 4 levels deep; this server allows at most 3.');
      assert.deepEqual((await post(stack.apiUrl, '{ sweep(id: "999999") { runs { id } } }')).body, { data: { sweep: null } });
    });

    it('counts the fields inside fragments', async () => {
      const answer = await post(stack.apiUrl, 'query Deep { sweep(id: "999999") { ...S } } fragment S on Sweep { runs { ... on Run { latestEpoch { id } } } }');
      assert.equal(answer.body.errors?.[0]?.message, 'Operation "Deep" is 4 levels deep; this server allows at most 3.');
    });

    it('refuses a too-deep operation over WebSocket with the same code and message', async () => {
      const { result, error } = await executeOverSocket(stack.apiUrl, '{ sweep(id: "999999") { runs { latestEpoch { id } } } }');
      assert.equal(result, undefined);
      const errors = error as { message: string; extensions?: { code?: string } }[];
      assert.equal(errors[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.equal(errors[0]?.message, 'The operation is 4 levels deep; this server allows at most 3.');
    });

    it('refuses introspection over HTTP and WebSocket', async () => {
      const query = '{ __schema { queryType { name } } }';
      const answer = await post(stack.apiUrl, query);
      assert.equal(answer.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.match(answer.body.errors?.[0]?.message ?? '', /introspection/i);
      const { error } = await executeOverSocket(stack.apiUrl, query);
      const errors = error as { message: string; extensions?: { code?: string } }[];
      assert.equal(errors[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.match(errors[0]?.message ?? '', /introspection/i);
    });
  });
});
