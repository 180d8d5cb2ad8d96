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

interface KnownAnswer {
  conclusions: {
    bestCell: { batchSize: number; learningRate: number } | null;
    rankingByFinal: { batchSize: number; learningRate: number; rank: number }[];
    bestLearningRates: { batchSize: number; learningRates: number[] }[];
    overfitting: { runId: string }[];
    unstableRuns: { batchSize: number; learningRate: number; repeat: number; kind: string }[];
    frontier: { points: { batchSize: number; largestStableLearningRate: number | null; smallestUnstableLearningRate: number | null }[]; trend: string };
    repeats: { testable: boolean; comparisons: { batchSize: number; learningRate: number; verdict: string; pValue: number | null }[] };
    findings: { topic: string; text: string }[];
  };
}

/**
 * A column of learning rates from 0.001 to 100 at two batch sizes, two repeats each, three
 * epochs, as a study that goes too far records it: at batch 32 the loss explodes from 10 on
 * (8,283 nats at 10, 2.5e19 at 100, yet both "succeeded"); at batch 64 learning rates 1 and 10
 * train at chance (10 % of 10 classes, within noise on 1,000 images) and 100 explodes.
 */
function buildExplodingGridCsv(): string {
  const rows = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy'];
  const learned: Record<string, number> = { '32:0.001': 0.6, '32:0.01': 0.75, '32:0.1': 0.8, '32:1': 0.7, '64:0.001': 0.55, '64:0.01': 0.68, '64:0.1': 0.78 };
  const exploded: Record<string, number> = { '32:10': 8283, '32:100': 2.5e19, '64:100': 1e12 };
  for (const batchSize of [32, 64]) {
    for (const learningRate of [0.001, 0.01, 0.1, 1, 10, 100]) {
      const key = `${batchSize}:${learningRate}`;
      for (const repeat of [1, 2]) {
        const jitter = repeat === 1 ? 0.004 : -0.004;
        for (let epoch = 1; epoch <= 3; epoch++) {
          const row =
            key in learned
              ? [2.3 / (epoch + 1), (learned[key]! + jitter) * (0.7 + 0.1 * epoch), 2.3 / (epoch + 1) + 0.2, (learned[key]! + jitter) * (0.7 + 0.1 * epoch)]
              : key in exploded
                ? [exploded[key]!, 0.1, exploded[key]! * 1.2, 0.1 + jitter]
                : [2.303, 0.1, 2.303, 0.105 + jitter];
          rows.push([batchSize, learningRate, repeat, epoch, ...row].join(','));
        }
      }
    }
  }
  return `${rows.join('\n')}\n`;
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

  it('keeps exploded and chance-level runs out of the ranking and puts the frontier inside the grid, with too few repeats to compare', async () => {
    const csv = buildExplodingGridCsv();
    const imported = await postGraphQL<{ importResults: { id: string; classes: number | null; valImages: number | null } }>(
      stack.apiUrl,
      `mutation($input: ImportResultsInput!) { importResults(input: $input) { id classes valImages } }`,
      { input: { format: 'CSV', content: csv, filename: 'lr-column.csv', dataset: 'fashion-mnist', valImages: 1000 } },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    // The data set named says where chance lies.
    assert.deepEqual({ classes: imported.data!.importResults.classes, valImages: imported.data!.importResults.valImages }, { classes: 10, valImages: 1000 });
    const result = await postGraphQL<KnownAnswer>(
      stack.apiUrl,
      `query($id: ID!) { conclusions(sweepId: $id) {
        bestCell { batchSize learningRate }
        rankingByFinal { batchSize learningRate rank }
        bestLearningRates { batchSize learningRates }
        overfitting { runId }
        unstableRuns { batchSize learningRate repeat kind }
        frontier { points { batchSize largestStableLearningRate smallestUnstableLearningRate } trend }
        repeats { testable comparisons { batchSize learningRate verdict pValue } }
        findings { topic text } } }`,
      { id: imported.data!.importResults.id },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const conclusions = result.data!.conclusions;
    assert.deepEqual(conclusions.bestCell, { batchSize: 32, learningRate: 0.1 });
    assert.deepEqual(
      conclusions.rankingByFinal.map((cell) => `${cell.rank}:${cell.batchSize}:${cell.learningRate}`),
      ['1:32:0.1', '2:64:0.1', '3:32:0.01', '4:32:1', '5:64:0.01', '6:32:0.001', '7:64:0.001'],
    );
    assert.deepEqual(conclusions.bestLearningRates, [
      { batchSize: 32, learningRates: [0.1] },
      { batchSize: 64, learningRates: [0.1] },
    ]);
    // Two repeats of the seven learning cells are diagnosed; no unstable run is.
    assert.equal(conclusions.overfitting.length, 14);
    assert.deepEqual(
      conclusions.unstableRuns.map((run) => `${run.batchSize}:${run.learningRate}:${run.repeat}:${run.kind}`),
      [
        '32:10:1:LOSS_EXPLODED',
        '32:10:2:LOSS_EXPLODED',
        '32:100:1:LOSS_EXPLODED',
        '32:100:2:LOSS_EXPLODED',
        '64:1:1:CHANCE',
        '64:1:2:CHANCE',
        '64:10:1:CHANCE',
        '64:10:2:CHANCE',
        '64:100:1:LOSS_EXPLODED',
        '64:100:2:LOSS_EXPLODED',
      ],
    );
    assert.deepEqual(conclusions.frontier, {
      points: [
        { batchSize: 32, largestStableLearningRate: 1, smallestUnstableLearningRate: 10 },
        { batchSize: 64, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
      ],
      trend: 'SHRINKS',
    });
    assert.equal(conclusions.repeats.testable, false);
    assert.ok(conclusions.repeats.comparisons.every((comparison) => comparison.verdict === 'TOO_FEW_REPEATS' && comparison.pValue === null));
    const texts = conclusions.findings.map((finding) => finding.text);
    assert.ok(
      texts.some((text) => text.startsWith('Too few repeats to tell:')),
      texts.join('\n'),
    );
    assert.ok(!texts.some((text) => /statistically tied|not distinguishable/.test(text)), texts.join('\n'));

    // The grid knows the same runs by the same rules, run by run.
    const grid = await postGraphQL<{
      sweep: { grid: { cells: { runs: { batchSize: number; learningRate: number; repeat: number; instability: { kind: string } | null }[] }[] } };
    }>(stack.apiUrl, `query($id: ID!) { sweep(id: $id) { grid { cells { runs { batchSize learningRate repeat instability { kind } } } } } }`, {
      id: imported.data!.importResults.id,
    });
    assert.equal(grid.errors, undefined, JSON.stringify(grid.errors));
    const flagged = grid
      .data!.sweep.grid.cells.flatMap((cell) => cell.runs)
      .filter((run) => run.instability !== null)
      .map((run) => `${run.batchSize}:${run.learningRate}:${run.repeat}:${run.instability!.kind}`)
      .sort();
    assert.deepEqual(flagged, conclusions.unstableRuns.map((run) => `${run.batchSize}:${run.learningRate}:${run.repeat}:${run.kind}`).sort());
  });

  it('counts a run stopped early by its best epoch and leaves a pruned one out, from the statuses an import gives', async () => {
    const rows = ['batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,status'];
    for (const [repeat, final] of [
      [1, 0.8],
      [2, 0.81],
      [3, 0.82],
    ] as const) {
      rows.push(`32,0.1,${repeat},1,1.5,0.5,1.2,0.6,succeeded`, `32,0.1,${repeat},2,1.0,0.7,0.9,${final},succeeded`);
    }
    for (const [repeat, final] of [
      [1, 0.5],
      [2, 0.52],
      [3, 0.51],
    ] as const) {
      rows.push(`32,1,${repeat},1,1.8,0.4,1.6,0.45,succeeded`, `32,1,${repeat},2,1.4,0.5,1.3,${final},succeeded`);
    }
    // Pruned after its first epoch at 30 %; stopped early after epoch 2, its lowest validation loss at epoch 1 (70 %).
    rows.push('32,0.01,1,1,2.0,0.3,1.9,0.3,pruned', '32,0.01,2,1,1.2,0.6,0.7,0.7,stopped_early', '32,0.01,2,2,1.1,0.65,0.75,0.72,stopped_early');
    const imported = await postGraphQL<{ importResults: { id: string } }>(
      stack.apiUrl,
      `mutation($input: ImportResultsInput!) { importResults(input: $input) { id } }`,
      {
        input: { format: 'CSV', content: rows.join('\n'), filename: 'stopped.csv', dataset: 'fashion-mnist', valImages: 1000 },
      },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const result = await postGraphQL<{
      conclusions: {
        rankingByFinal: { learningRate: number; value: number; repeats: number }[];
        stoppedRuns: { learningRate: number; repeat: number; status: string; epochsDone: number }[];
        repeats: { comparisons: { learningRate: number; verdict: string }[] };
      };
    }>(
      stack.apiUrl,
      `query($id: ID!) { conclusions(sweepId: $id) {
        rankingByFinal { learningRate value repeats }
        stoppedRuns { learningRate repeat status epochsDone }
        repeats { comparisons { learningRate verdict } } } }`,
      { id: imported.data!.importResults.id },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const { rankingByFinal, stoppedRuns, repeats } = result.data!.conclusions;
    assert.deepEqual(
      rankingByFinal.map((cell) => [cell.learningRate, Number(cell.value.toFixed(4)), cell.repeats]),
      [
        [0.1, 0.81, 3],
        [0.01, 0.7, 1],
        [1, 0.51, 3],
      ],
    );
    assert.deepEqual(stoppedRuns, [
      { learningRate: 0.01, repeat: 1, status: 'PRUNED', epochsDone: 1 },
      { learningRate: 0.01, repeat: 2, status: 'STOPPED_EARLY', epochsDone: 2 },
    ]);
    assert.deepEqual(
      repeats.comparisons.map((comparison) => [comparison.learningRate, comparison.verdict]),
      [
        [0.01, 'TOO_FEW_REPEATS'],
        [1, 'WORSE'],
      ],
    );
  });

  it('says NOT_FOUND for an unknown sweep', async () => {
    const result = await postGraphQL(stack.apiUrl, `{ conclusions(sweepId: "999999") { sweepId } }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
