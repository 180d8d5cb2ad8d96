import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { runChaos } from '../chaos/run-chaos.js';

describe('chaos: workers killed and paused at random over a whole sweep', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db.drop();
  });

  it('ends with every run succeeded, every epoch stored and heard once, and the numbers of an uninterrupted sweep', { timeout: 400_000 }, async (t) => {
    const lines: string[] = [];
    const report = await runChaos({ databaseUrl: db.url, kills: 8, runs: 6, epochs: 5, log: (line) => lines.push(line) });
    const context = `${JSON.stringify(report)}\n${lines.join('\n')}`;
    t.diagnostic(JSON.stringify(report));
    assert.ok(report.kills + report.pauses >= 4, `too few blows landed: ${context}`);
    assert.deepEqual(
      {
        runsLost: report.runsLost,
        duplicateEpochs: report.duplicateEpochs,
        missingEpochs: report.missingEpochs,
        runsDiffering: report.runsDiffering,
        subscriberMisses: report.subscriberMisses,
        storedEpochsLost: report.storedEpochsLost,
      },
      { runsLost: 0, duplicateEpochs: 0, missingEpochs: 0, runsDiffering: 0, subscriberMisses: 0, storedEpochsLost: 0 },
      context,
    );
  });
});
