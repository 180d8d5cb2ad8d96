import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatFindingNumber } from './format-finding-number';

const format = (label: string, value: number) => formatFindingNumber({ label, value });

describe('formatFindingNumber', () => {
  it('writes accuracies as percentages and gaps and spreads in points', () => {
    assert.equal(format('final validation accuracy (batch 32, LR 0.1)', 0.8382), '83.8%');
    assert.equal(format('train–validation accuracy gap (run 2: batch 128, LR 0.001, repeat 1)', 0.6363), '63.6 pts');
    assert.equal(format('reference spread across learning rates', 0.18919999999999998), '18.9 pts');
    assert.equal(format('standard deviation (batch 32, LR 0.1)', 0.012), '1.2%');
  });

  it('writes epochs and counts as whole numbers, even when the label names an accuracy', () => {
    assert.equal(format('epochs to 90% of the best validation accuracy (run 3: batch 32, LR 0.1, repeat 1)', 7), '7');
    assert.equal(format('cells never asked for', 4), '4');
    assert.equal(format('batch sizes whose best learning rate is at the edge', 2), '2');
    assert.equal(format('runs whose validation loss rose', 0), '0');
    assert.equal(format('failed or diverged runs', 3), '3');
  });

  it('writes ratios, slopes, ρ and p-values as the sentences do', () => {
    assert.equal(format('learning-rate grid step (ratio)', 100.00000000000004), '×100');
    assert.equal(format('slope step', 3.3219280948873626), '3.32');
    assert.equal(format('Spearman’s ρ', 1), '1.00');
    assert.equal(format('p-value against the best (batch 32, LR 0.01)', 0.0312), 'p = 0.031');
    assert.equal(format('p-value against the best (batch 32, LR 0.01)', 0.00001), 'p < 0.001');
    assert.equal(format('significance level', 0.05), '0.05');
  });

  it('writes losses with three decimals and learning rates to three significant digits', () => {
    assert.equal(format('minimum validation loss', 0.58731), '0.587');
    assert.equal(format('absolute tolerance (nats)', 0.01), '0.010');
    assert.equal(format('largest stable learning rate (batch 32)', 0.10000000000000002), '0.1');
    assert.equal(format('relative tolerance', 0.05), '5.0%');
  });
});
