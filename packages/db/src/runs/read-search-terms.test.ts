import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSearchTerms } from './read-search-terms.js';

describe('readSearchTerms', () => {
  it('splits the search into words, each also read as a number where it is one', () => {
    assert.deepEqual(readSearchTerms('  resnet  #12 0.01 '), [{ text: 'resnet' }, { text: '#12', number: 12 }, { text: '0.01', number: 0.01 }]);
  });

  it('reads a cell written with ×, x or *, spaces around it allowed, either side optional', () => {
    assert.deepEqual(readSearchTerms('64 × 0.01'), [{ text: '64×0.01', cell: { batchSize: 64, learningRate: 0.01 } }]);
    assert.deepEqual(readSearchTerms('64x1e-3'), [{ text: '64×1e-3', cell: { batchSize: 64, learningRate: 0.001 } }]);
    assert.deepEqual(readSearchTerms('32*'), [{ text: '32*' }]);
    assert.deepEqual(readSearchTerms('32× ×0.1'), [
      { text: '32×', cell: { batchSize: 32 } },
      { text: '×0.1', cell: { learningRate: 0.1 } },
    ]);
  });

  it('reads a number too large to hold as text only', () => {
    assert.deepEqual(readSearchTerms('1e400 8×1e999'), [{ text: '1e400' }, { text: '8×1e999' }]);
  });

  it('reads an empty search as no words', () => {
    assert.deepEqual(readSearchTerms('   '), []);
    assert.deepEqual(readSearchTerms('×'), [{ text: '×' }]);
  });
});
