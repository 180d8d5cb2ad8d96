import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { SweepConclusions } from '@/graphql/conclusions.query';

import { summarizeConclusions } from './summarize-conclusions';

const cell = { batchSize: 32, learningRate: 0.1, rank: 1, value: 0.838, repeats: 1 };
const claim = { checkable: true, agrees: true };

function conclusionsWith(overrides: Record<string, unknown>): SweepConclusions {
  return {
    bestCell: cell,
    rankingByFinal: [cell, { ...cell, learningRate: 0.001, rank: 2, value: 0.8 }],
    scaling: { slope: 0.52, slopeStandardError: 0.31, closerTo: 'SQUARE_ROOT', resolvesRules: false, slopeStep: 1.66 },
    frontier: { trend: 'GROWS' },
    reference: { spearmanRho: 1, sharedCells: 5, learningRateMatters: claim, smallerRateForLargerBatch: { ...claim, agrees: false } },
    ...overrides,
  } as unknown as SweepConclusions;
}

describe('summarizeConclusions', () => {
  it('answers in a line each: the best cell, scaling with the grid’s resolution, the frontier and the reference', () => {
    assert.deepEqual(
      summarizeConclusions(conclusionsWith({}))?.map((line) => [line.key, line.text, line.section]),
      [
        ['best', 'batch 32, LR 0.1: 83.8% final validation accuracy', 'ranking'],
        [
          'scaling',
          'fitted slope 0.52 ± 0.31, closer to square-root scaling (slope 0.5); the grid cannot tell the rules apart (its smallest slope step is 1.66)',
          'scaling',
        ],
        ['frontier', 'the largest stable learning rate grows with the batch size', 'coverage'],
        ['reference', 'ρ = 1.00 over 5 shared cells; agrees on 1 of 2 of its claims', 'reference'],
      ],
    );
  });

  it('says when there is no fit yet, names ties, and leaves the reference out when the sweep has none', () => {
    const lines = summarizeConclusions(
      conclusionsWith({ rankingByFinal: [cell, { ...cell, batchSize: 64 }], scaling: { slope: null }, frontier: { trend: 'UNKNOWN' }, reference: null }),
    );
    assert.equal(lines?.[0]?.term, 'Best cell (tied with 1 more)');
    assert.equal(lines?.[1]?.text, 'no fit yet: it needs a best learning rate at two batch sizes or more');
    assert.deepEqual(
      lines?.map((line) => line.key),
      ['best', 'scaling', 'frontier'],
    );
  });

  it('gives no error for a slope fitted to two batch sizes exactly', () => {
    const lines = summarizeConclusions(
      conclusionsWith({ scaling: { slope: 0, slopeStandardError: null, closerTo: null, resolvesRules: true, slopeStep: 0.4 } }),
    );
    assert.equal(lines?.[1]?.text, 'fitted slope 0.00, between the two rules');
  });

  it('has nothing to say before a run has finished', () => {
    assert.equal(summarizeConclusions(conclusionsWith({ bestCell: null })), null);
  });
});
