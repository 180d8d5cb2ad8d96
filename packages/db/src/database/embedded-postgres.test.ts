import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

describe('embedded PostgreSQL', () => {
  let folder: string;
  const started: EmbeddedDatabase[] = [];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sweepscope-embedded-'));
    // As root, the server runs as the postgres user, who must be able to reach the folder.
    await chmod(folder, 0o755);
  });
  after(async () => {
    for (const database of started) await database.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('is started once when two callers ask for the same data folder at the same time', async () => {
    const options = { dataDir: join(folder, 'data'), port: 54359 };
    started.push(...(await Promise.all([startEmbeddedPostgres(options), startEmbeddedPostgres(options)])));
    assert.deepEqual(started.map((database) => database.owned).sort(), [false, true]);
    assert.equal(started[0]?.url, started[1]?.url);
    const client = new pg.Client({ connectionString: started[0]?.url });
    await client.connect();
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    await client.end();
    assert.deepEqual(rows, [{ one: 1 }]);
  });

  it('is found running by a later caller, who does not own it and so does not stop it', async () => {
    const later = await startEmbeddedPostgres({ dataDir: join(folder, 'data'), port: 54360 });
    await later.stop();
    assert.equal(later.owned, false);
    assert.equal(later.url, started[0]?.url, "the running server's port, not the one asked for");
    const client = new pg.Client({ connectionString: later.url });
    await client.connect();
    await client.end();
  });
});
