import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { SweepConclusions } from '@/graphql/conclusions.query';

import { buildRankingRows } from './build-ranking-rows';

const rank = (batchSize: number, learningRate: number, rank: number, value: number, repeats = 3) => ({ batchSize, learningRate, rank, value, repeats });

const comparison = (batchSize: number, learningRate: number, verdict: 'WORSE' | 'INDISTINGUISHABLE' | 'TOO_FEW_REPEATS', adjustedPValue: number | null) => ({
  batchSize,
  learningRate,
  repeats: adjustedPValue === null ? 1 : 3,
  verdict,
  difference: 0.04,
  intervalLow: adjustedPValue === null ? null : 0.01,
  intervalHigh: adjustedPValue === null ? null : 0.07,
  t: adjustedPValue === null ? null : 3,
  degreesOfFreedom: adjustedPValue === null ? null : 3.2,
  pValue: adjustedPValue === null ? null : adjustedPValue / 2,
  adjustedPValue,
});

const finishedRun = (runId: string, batchSize: number, learningRate: number) => ({ runId, batchSize, learningRate }) as SweepConclusions['overfitting'][number];

const conclusions = {
  overfitting: [finishedRun('1', 32, 0.1), finishedRun('2', 32, 0.01), finishedRun('3', 32, 0.1), finishedRun('4', 64, 0.1)],
  rankingByFinal: [rank(32, 0.1, 1, 0.84), rank(32, 0.01, 2, 0.8), rank(64, 0.1, 2, 0.8), rank(64, 0.01, 4, 0.5, 1)],
  rankingByBest: [rank(32, 0.01, 1, 0.86), rank(32, 0.1, 2, 0.85), rank(64, 0.1, 3, 0.82), rank(64, 0.01, 4, 0.55, 1)],
  repeats: {
    test: "Welch's t-test with Holm's correction",
    level: 0.05,
    minRepeats: 3,
    testable: true,
    best: { batchSize: 32, learningRate: 0.1 },
    cells: [
      { batchSize: 32, learningRate: 0.01, repeats: 3, mean: 0.8, standardDeviation: 0.02 },
      { batchSize: 32, learningRate: 0.1, repeats: 3, mean: 0.84, standardDeviation: 0.01 },
      { batchSize: 64, learningRate: 0.01, repeats: 1, mean: 0.5, standardDeviation: null },
      { batchSize: 64, learningRate: 0.1, repeats: 3, mean: 0.8, standardDeviation: 0.005 },
    ],
    comparisons: [comparison(32, 0.01, 'INDISTINGUISHABLE', 0.08), comparison(64, 0.1, 'WORSE', 0.01), comparison(64, 0.01, 'TOO_FEW_REPEATS', null)],
  },
};

describe('buildRankingRows', () => {
  it("gives each cell its finished runs' ids, to open or compare", () => {
    assert.deepEqual(
      buildRankingRows(conclusions, 'final').map((row) => row.runIds),
      [['1', '3'], ['2'], ['4'], []],
    );
  });

  it('keeps the ranking by final accuracy in order, with the spread over repeats and shared ranks', () => {
    const rows = buildRankingRows(conclusions, 'final');
    assert.deepEqual(
      rows.map((row) => [row.rank, row.batchSize, row.learningRate, row.standardDeviation, row.sharesRank]),
      [
        [1, 32, 0.1, 0.01, false],
        [2, 32, 0.01, 0.02, true],
        [2, 64, 0.1, 0.005, true],
        [4, 64, 0.01, null, false],
      ],
    );
  });

  it('says where each cell stands against the best by the Holm-corrected test, and too few repeats to tell below the minimum', () => {
    const standings = buildRankingRows(conclusions, 'final').map((row) => row.standing);
    assert.deepEqual(standings, [
      { kind: 'best' },
      { kind: 'indistinguishable', adjustedPValue: 0.08 },
      { kind: 'worse', adjustedPValue: 0.01 },
      { kind: 'too-few-repeats' },
    ]);
  });

  it('ranks by best accuracy without a spread, keeping the standing on final accuracy', () => {
    const rows = buildRankingRows(conclusions, 'best');
    assert.deepEqual(
      rows.map((row) => [row.rank, row.batchSize, row.learningRate, row.value, row.standardDeviation, row.standing.kind]),
      [
        [1, 32, 0.01, 0.86, null, 'indistinguishable'],
        [2, 32, 0.1, 0.85, null, 'best'],
        [3, 64, 0.1, 0.82, null, 'worse'],
        [4, 64, 0.01, 0.55, null, 'too-few-repeats'],
      ],
    );
  });
});
