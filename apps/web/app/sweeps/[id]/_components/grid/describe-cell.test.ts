import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aggregateRepeats } from './aggregate-repeats';
import { describeCell } from './describe-cell';
import { GRID_METRIC_DEFINITIONS } from './grid-metrics';
import { testProgress } from '../test-sweep.fixture';

const accuracy = GRID_METRIC_DEFINITIONS.finalValAccuracy;

describe('describeCell', () => {
  it('labels a finished run with its state and value', () => {
    const runs = [{ status: 'SUCCEEDED' as const, ...testProgress('a', 0.838) }];
    const summary = aggregateRepeats(runs, 'finalValAccuracy', 1);
    const text = describeCell(32, 0.1, [{ status: 'SUCCEEDED', epochsDone: 1, error: null }], summary, accuracy, 1);
    assert.equal(text.label, 'batch 32, learning rate 0.1, succeeded, final validation accuracy 83.8 %');
    assert.equal(text.stateText, 'succeeded');
    assert.equal(text.epochText, '1/1');
  });

  it('says at which epoch a run is', () => {
    const runs = [{ status: 'RUNNING' as const, ...testProgress('a', 0.5, 0.6) }];
    const text = describeCell(8, 0.01, [{ status: 'RUNNING', epochsDone: 2, error: null }], aggregateRepeats(runs, 'finalValAccuracy', 5), accuracy, 5);
    assert.equal(text.label, 'batch 8, learning rate 0.01, running at epoch 2 of 5, final validation accuracy 60.0 %');
    assert.equal(text.epochText, '2/5');
  });

  it("puts a failed run's error in the label and the tooltip", () => {
    const text = describeCell(
      8,
      1,
      [{ status: 'FAILED', epochsDone: 0, error: 'worker exited' }],
      aggregateRepeats([{ status: 'FAILED', ...testProgress('x') }], 'finalValAccuracy', 5),
      accuracy,
      5,
    );
    assert.equal(text.label, 'batch 8, learning rate 1, failed: worker exited');
    assert.equal(text.title, 'batch 8, learning rate 1: failed: worker exited');
  });

  it('says why a run was pruned, in words, in the label and the tooltip', () => {
    const reason =
      'Pruned after epoch 3: its best validation accuracy so far, 41.0%, is below the median 55.0% of 3 completed runs of batch size 64 at epoch 3.';
    const text = describeCell(
      32,
      0.1,
      [{ status: 'PRUNED', epochsDone: 3, error: reason }],
      aggregateRepeats([{ status: 'PRUNED', ...testProgress('p', 0.3, 0.4, 0.41) }], 'finalValAccuracy', 5),
      accuracy,
      5,
    );
    assert.equal(text.stateText, 'pruned');
    assert.equal(text.label, `batch 32, learning rate 0.1, pruned: ${reason}`);
    assert.equal(text.title, `batch 32, learning rate 0.1: pruned: ${reason}`);
  });

  it('counts stopped-early repeats in words, with the reason and the mean over them', () => {
    const runs = [
      { status: 'STOPPED_EARLY' as const, ...testProgress('a', 0.7) },
      { status: 'SUCCEEDED' as const, ...testProgress('b', 0.9) },
    ];
    const text = describeCell(
      16,
      0.1,
      [
        { status: 'STOPPED_EARLY', epochsDone: 1, error: 'Stopped early after epoch 1.' },
        { status: 'SUCCEEDED', epochsDone: 1, error: null },
      ],
      aggregateRepeats(runs, 'finalValAccuracy', 1),
      accuracy,
      1,
    );
    assert.equal(text.stateText, 'stopped early');
    assert.equal(
      text.label,
      'batch 16, learning rate 0.1, 2 repeats: 1 succeeded, 1 stopped early: Stopped early after epoch 1., mean final validation accuracy 80.0 % over 2 of 2',
    );
  });

  it('counts repeats by status and gives the mean with how many it is over', () => {
    const runs = [
      { status: 'SUCCEEDED' as const, ...testProgress('a', 0.8) },
      { status: 'RUNNING' as const, ...testProgress('x') },
    ];
    const text = describeCell(
      16,
      0.1,
      [
        { status: 'SUCCEEDED', epochsDone: 1, error: null },
        { status: 'RUNNING', epochsDone: 0, error: null },
      ],
      aggregateRepeats(runs, 'finalValAccuracy', 1),
      accuracy,
      1,
    );
    assert.equal(text.label, 'batch 16, learning rate 0.1, 2 repeats: 1 succeeded, 1 running, mean final validation accuracy 80.0 % over 1 of 2');
    assert.equal(text.epochText, '1/2');
  });

  it('says never run for an empty combination', () => {
    const text = describeCell(8, 0.01, [], aggregateRepeats([], 'finalValAccuracy', 1), accuracy, 1);
    assert.equal(text.label, 'batch 8, learning rate 0.01, never run');
    assert.equal(text.stateText, 'never run');
  });
});
