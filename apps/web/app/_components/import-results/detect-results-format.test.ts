import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { detectResultsFormat } from './detect-results-format';

describe('detectResultsFormat', () => {
  it('takes a .csv name as CSV whatever it holds, and tells a JSON table from a Keras history by its first character', () => {
    assert.equal(detectResultsFormat('runs.CSV', '[1]'), 'csv');
    assert.equal(detectResultsFormat('runs.json', '\uFEFF \n [{"epoch": 1}]'), 'json');
    assert.equal(detectResultsFormat('history.json', '{"loss": [1]}'), 'keras-history');
    assert.equal(detectResultsFormat('results', 'batch_size,learning_rate'), 'csv');
  });
});
