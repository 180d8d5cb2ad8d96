import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@sweepscope/db/testing';
import { postGraphQL } from '../support/post-graphql.js';
import { startStack, type Stack } from '../support/start-stack.js';
import { waitFor } from '../support/wait-for.js';

interface Plan {
  state: string;
  criticalBatchSize: number | null;
  epoch: number | null;
  maxLearningRate: number | null;
  cells: { batchSize: number; learningRate: number }[];
  cellsText: string | null;
  summary: string;
  probe: { id: string; status: string; batchSize: number; learningRate: number; epochs: { epoch: number; noiseScale: number | null }[] };
}

interface ProbeSweep {
  id: string;
  name: string;
  createdBy: string;
  epochs: number;
  repeats: number;
  noiseScaleInterval: number;
  runs: { id: string }[];
  plan: Plan | null;
}

const planFields = `state criticalBatchSize epoch maxLearningRate cells { batchSize learningRate } cellsText summary
  probe { id status batchSize learningRate epochs { epoch noiseScale } }`;

describe('planSweep: a probe trained by the workers proposes a grid from its gradient noise scale', () => {
  let db: TestDatabase;
  let stack: Stack;

  before(async () => {
    db = await createTestDatabase();
    stack = await startStack({ databaseUrl: db.url });
  });
  after(async () => {
    await stack?.stop();
    await db?.drop();
  });

  it("queues the sweep's middle cell as a probe and, once it has trained, proposes a grid createSweep takes", async () => {
    const planned = await postGraphQL<{ planSweep: ProbeSweep }>(
      stack.apiUrl,
      `mutation { planSweep(input: { name: "batch study", preset: "smoke", trainLimit: 256, cells: "8:0.1,16:0.05,64:0.02" }) {
        id name createdBy epochs repeats noiseScaleInterval runs { id } plan { ${planFields} } } }`,
    );
    assert.equal(planned.errors, undefined, JSON.stringify(planned.errors));
    const probe = planned.data!.planSweep;
    assert.deepEqual(
      {
        name: probe.name,
        createdBy: probe.createdBy,
        epochs: probe.epochs,
        repeats: probe.repeats,
        interval: probe.noiseScaleInterval,
        runs: probe.runs.length,
      },
      { name: 'Probe of batch study', createdBy: 'plan', epochs: 3, repeats: 1, interval: 2, runs: 1 },
    );
    assert.equal(probe.plan?.state, 'MEASURING');
    assert.deepEqual([probe.plan.probe.batchSize, probe.plan.probe.learningRate, probe.plan.cells], [16, 0.05, []]);

    const plan = await waitFor(
      'the probe to end',
      async () => {
        const read = await postGraphQL<{ sweep: ProbeSweep }>(stack.apiUrl, `query($id: ID!) { sweep(id: $id) { plan { ${planFields} } } }`, { id: probe.id });
        const current = read.data?.sweep.plan;
        return current && ['READY', 'UNRESOLVED'].includes(current.state) && current;
      },
      180_000,
      500,
    );
    assert.equal(plan.state, 'READY', plan.summary);
    assert.equal(plan.probe.status, 'SUCCEEDED');
    // The newest epoch's measurement, which the trainer's averages built from every measurement before it.
    const measured = plan.probe.epochs.filter((epoch) => epoch.noiseScale !== null);
    assert.equal(plan.epoch, measured.at(-1)?.epoch);
    assert.equal(plan.criticalBatchSize, measured.at(-1)?.noiseScale);
    assert.equal(plan.probe.epochs[0]?.noiseScale, null, 'the first epoch is not measured');
    // ε_max puts the probe's own cell on the predicted curve.
    assert.ok(Math.abs(plan.maxLearningRate! - 0.05 * (1 + plan.criticalBatchSize! / 16)) < 1e-9);
    assert.ok(plan.cells.length >= 6 && plan.cells.every((cell) => cell.batchSize >= 8 && cell.batchSize <= 256), JSON.stringify(plan.cells));
    assert.equal(plan.cellsText, plan.cells.map((cell) => `${cell.batchSize}:${cell.learningRate}`).join(','));

    const created = await postGraphQL<{ createSweep: { runs: { id: string }[] } }>(
      stack.apiUrl,
      `mutation($cells: String!) { createSweep(input: { preset: "smoke", trainLimit: 256, cells: $cells, epochs: 1 }) { runs { id } } }`,
      { cells: plan.cellsText },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    assert.equal(created.data?.createSweep.runs.length, plan.cells.length);
  });

  it('has no plan for a sweep that is not a probe', async () => {
    const created = await postGraphQL<{ createSweep: { plan: Plan | null; noiseScaleInterval: number } }>(
      stack.apiUrl,
      `mutation { createSweep(input: { preset: "smoke", cells: "8:0.1", epochs: 1 }) { noiseScaleInterval plan { state } } }`,
    );
    assert.deepEqual(created.data?.createSweep, { noiseScaleInterval: 20, plan: null });
  });

  it('refuses a probe of one epoch or of no measuring with BAD_USER_INPUT naming the field, storing nothing', async () => {
    const countSweeps = async (): Promise<number | undefined> =>
      (await postGraphQL<{ sweeps: { totalCount: number } }>(stack.apiUrl, '{ sweeps { totalCount } }')).data?.sweeps.totalCount;
    const before = await countSweeps();
    for (const [input, field, pattern] of [
      ['epochs: 1', 'epochs', /^epochs is 1: expected at least 2 for a probe/],
      ['noiseScaleInterval: 0', 'noiseScaleInterval', /^noiseScaleInterval is 0: expected at least 1 for a probe/],
      ['cells: "64:0.1"', 'cells', /more than the 32 training images/],
    ] as const) {
      const response = await postGraphQL(stack.apiUrl, `mutation { planSweep(input: { preset: "smoke", ${input} }) { id } }`);
      assert.equal(response.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', input);
      assert.deepEqual(response.errors?.[0]?.extensions?.field, [field]);
      assert.match(response.errors?.[0]?.message ?? '', pattern);
    }
    assert.equal(await countSweeps(), before);
  });
});
