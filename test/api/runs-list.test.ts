import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { postGraphQL } from '../support/post-graphql.js';
import { startStack, type Stack } from '../support/start-stack.js';

interface RunsAnswer {
  runs: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; batchSize: number; learningRate: number; status: string; sweep: { name: string } }[];
  };
}

const runsQuery = `query ($first: Int, $after: String, $sweepId: ID, $statuses: [RunStatus!], $search: String, $sort: RunSort) {
  runs(first: $first, after: $after, sweepId: $sweepId, statuses: $statuses, search: $search, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id batchSize learningRate status sweep { name } }
  }
}`;

// The runs list as a client reads it: the database's sorting and filtering are checked in
// packages/db (list-runs.test.ts); here, that the arguments reach it and pages follow on.
describe('the runs list over the API', () => {
  let db: TestDatabase;
  let stack: Stack;
  let sweepIds: string[];
  const list = async (variables: Record<string, unknown>) => {
    const answer = await postGraphQL<RunsAnswer>(stack.apiUrl, runsQuery, variables);
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    return answer.data!.runs;
  };

  before(async () => {
    db = await createTestDatabase();
    stack = await startStack({ databaseUrl: db.url, worker: false });
    sweepIds = [];
    for (const [name, cells] of [
      ['first sweep', '8:0.1,16:0.1,32:0.1'],
      ['second sweep', '8:0.01,16:0.01'],
    ]) {
      const created = await postGraphQL<{ createSweep: { id: string } }>(
        stack.apiUrl,
        `mutation { createSweep(input: { preset: "smoke", name: "${name}", cells: "${cells}" }) { id } }`,
      );
      assert.equal(created.errors, undefined, JSON.stringify(created.errors));
      sweepIds.push(created.data!.createSweep.id);
    }
  });
  after(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it("lists every sweep's runs with their sweep, or one sweep's", async () => {
    const all = await list({});
    const names = new Set(all.nodes.map((run) => run.sweep.name));
    assert.ok(names.has('first sweep') && names.has('second sweep'), [...names].join(', '));
    assert.equal(all.totalCount, all.nodes.length);
    const second = await list({ sweepId: sweepIds[1] });
    assert.deepEqual(
      second.nodes.map((run) => [run.sweep.name, run.batchSize]),
      [
        ['second sweep', 8],
        ['second sweep', 16],
      ],
    );
  });

  it('sorts, filters and searches as asked', async () => {
    // The server made the reference study too: "sweep" is in the names of this test's sweeps only.
    const sorted = await list({ search: 'sweep', sort: { column: 'BATCH_SIZE', direction: 'DESC' } });
    assert.deepEqual(
      sorted.nodes.map((run) => run.batchSize),
      [32, 16, 16, 8, 8],
    );
    assert.equal((await list({ search: 'sweep', statuses: ['RUNNING'] })).totalCount, 0);
    assert.equal((await list({ search: 'sweep', statuses: ['QUEUED'] })).totalCount, 5);
    const found = await list({ search: 'first 16×0.1' });
    assert.deepEqual(
      found.nodes.map((run) => [run.sweep.name, run.batchSize, run.learningRate]),
      [['first sweep', 16, 0.1]],
    );
  });

  it('pages with endCursor, each run once, until hasNextPage is false', async () => {
    const sort = { column: 'CELL', direction: 'ASC' };
    const whole = (await list({ search: 'sweep', sort })).nodes.map((run) => run.id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    // A cursor that led back would loop: ten pages is more than enough.
    while (pages < 10) {
      const page = await list({ search: 'sweep', sort, first: 2, after });
      seen.push(...page.nodes.map((run) => run.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, whole);
  });
});
