import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { postGraphQL } from '../support/post-graphql.js';
import { startStack, type Stack } from '../support/start-stack.js';

interface ConclusionsData {
  sweeps: { nodes: { id: string; builtIn: string | null }[] };
}
interface Conclusions {
  conclusions: {
    bestCell: { batchSize: number; learningRate: number; value: number } | null;
    rankingByFinal: { batchSize: number; learningRate: number; rank: number }[];
    neverRunCells: { batchSize: number; learningRate: number }[];
    reference: { sharedCells: number; spearmanRho: number | null } | null;
    findings: { topic: string; text: string; numbers: { label: string; value: number }[] }[];
  };
}

// The built-in reference sweep is a sweep whose right answers are known: its own table.
describe('conclusions over the API', () => {
  let db: TestDatabase;
  let stack: Stack;
  before(async () => {
    db = await createTestDatabase();
    stack = await startStack({ databaseUrl: db.url, worker: false });
  });
  after(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it("reads the reference study's own table: its best cell, ranking, the cell it never ran, and ρ = 1 against itself", async () => {
    const list = await postGraphQL<ConclusionsData>(stack.apiUrl, `{ sweeps { nodes { id builtIn } } }`);
    const reference = list.data?.sweeps.nodes.find((sweep) => sweep.builtIn === 'reference-study');
    assert.ok(reference, 'the server ships the reference study as a built-in sweep');

    const result = await postGraphQL<Conclusions>(
      stack.apiUrl,
      `query($id: ID!) { conclusions(sweepId: $id) {
        bestCell { batchSize learningRate value }
        rankingByFinal { batchSize learningRate rank }
        neverRunCells { batchSize learningRate }
        reference { sharedCells spearmanRho }
        findings { topic text numbers { label value } } } }`,
      { id: reference.id },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const conclusions = result.data!.conclusions;
    assert.deepEqual(conclusions.bestCell, { batchSize: 32, learningRate: 0.1, value: 0.8382 });
    assert.deepEqual(
      conclusions.rankingByFinal.map((cell) => `${cell.rank}:${cell.batchSize}:${cell.learningRate}`),
      ['1:32:0.1', '2:32:0.001', '3:64:0.01', '4:128:0.1', '5:128:0.001'],
    );
    // Three batch sizes × three learning rates, five of them run.
    assert.equal(conclusions.neverRunCells.length, 4);
    assert.deepEqual(conclusions.reference, { sharedCells: 5, spearmanRho: 1 });
    const best = conclusions.findings.find((finding) => finding.text.includes('83.8'));
    assert.ok(best, `a finding names the best accuracy: ${conclusions.findings.map((f) => f.text).join(' | ')}`);
    assert.ok(best.numbers.length > 0, 'each sentence carries the numbers it rests on');
  });

  it('says NOT_FOUND for an unknown sweep', async () => {
    const result = await postGraphQL(stack.apiUrl, `{ conclusions(sweepId: "999999") { sweepId } }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
