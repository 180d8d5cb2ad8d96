import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { eventChannels, type SweepLoggedEvent } from '@sweepscope/core';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { listenForEvents, type EventSubscriber } from './listen-for-events.js';

describe('listenForEvents', () => {
  let db: TestDatabase;
  let events: EventSubscriber;
  let sender: pg.Client;
  const heard: SweepLoggedEvent[] = [];
  const refused: string[] = [];
  before(async () => {
    db = await createTestDatabase();
    events = await listenForEvents(db.url, { onInvalid: (error) => refused.push(error.message) });
    events.on('sweep:logged', (event) => heard.push(event));
    sender = new pg.Client({ connectionString: db.url });
    await sender.connect();
  });
  after(async () => {
    await sender.end();
    await events.close();
    await db.drop();
  });

  it("drops a NOTIFY that is not its event's shape, saying what it expected, and hands on the next good one", async () => {
    // Any client of the database may NOTIFY on Sweepscope's channels.
    const notify = (payload: string) => sender.query('SELECT pg_notify($1, $2)', [eventChannels['sweep:logged'], payload]);
    await notify('{"sweepId":"1; DROP TABLE"}');
    await notify('not json');
    await notify('{"sweepId":4}');
    for (let waited = 0; heard.length === 0 && waited < 5000; waited += 10) await sleep(10);
    assert.deepEqual(heard, [{ sweepId: 4 }]);
    assert.deepEqual(refused, [
      'The sweep:logged event\'s sweepId is "1; DROP TABLE": expected a number.',
      "The sweep:logged event's payload is not JSON: not json",
    ]);
  });
});
