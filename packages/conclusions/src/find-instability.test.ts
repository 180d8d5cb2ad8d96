import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EpochResult } from './conclusions-input.js';
import { findInstability as judge, traceTraining } from './find-instability.js';
import type { InstabilityContext } from './find-instability.js';

const findInstability = (epochs: EpochResult[], context: InstabilityContext) => judge(traceTraining(epochs), context);

const tenClasses = { classes: 10, valImages: 1000, divergenceFactor: 10 };

function epochs(rows: [loss: number, valAccuracy: number][]): EpochResult[] {
  return rows.map(([loss, valAccuracy], i) => ({ epoch: i + 1, loss, accuracy: valAccuracy, valLoss: loss, valAccuracy }));
}

describe('findInstability', () => {
  it('passes a run that learned', () => {
    assert.equal(
      findInstability(
        epochs([
          [2.1, 0.4],
          [1.2, 0.6],
          [0.9, 0.7],
        ]),
        tenClasses,
      ),
      null,
    );
  });

  it('calls a run whose best validation accuracy stayed within 3 standard errors of chance unstable, and one just past it not', () => {
    // 10 classes on 1,000 images: chance 10 %, 3 × √(0.1 × 0.9 / 1000) = 2.85 points.
    const stuck = findInstability(
      epochs([
        [2.3, 0.1],
        [2.3, 0.128],
      ]),
      tenClasses,
    );
    assert.equal(stuck?.kind, 'chance');
    assert.ok(Math.abs(stuck.limit - (0.1 + 3 * Math.sqrt(0.09 / 1000))) < 1e-12);
    assert.equal(stuck?.reason, 'its best validation accuracy, 12.8%, never rose clear of chance (10.0% + 2.8 points, on 1000 validation images)');
    assert.equal(
      findInstability(
        epochs([
          [2.3, 0.1],
          [2.2, 0.13],
        ]),
        tenClasses,
      ),
      null,
    );
  });

  it('uses a 2-point margin above chance when the validation split’s size is not known', () => {
    const context = { classes: 4, valImages: null, divergenceFactor: 10 };
    assert.equal(findInstability(epochs([[1.4, 0.265]]), context)?.kind, 'chance');
    assert.equal(findInstability(epochs([[1.4, 0.275]]), context), null);
  });

  it('calls a run whose training loss ended above twice its first epoch’s unstable', () => {
    const rose = findInstability(
      epochs([
        [1.0, 0.5],
        [1.5, 0.5],
        [2.01, 0.5],
      ]),
      tenClasses,
    );
    assert.equal(rose?.kind, 'loss-rose');
    assert.equal(rose?.reason, "its training loss ended at 2.01 nats, more than 2 × its first epoch's 1.00");
    assert.equal(
      findInstability(
        epochs([
          [1.0, 0.5],
          [2.0, 0.5],
        ]),
        tenClasses,
      ),
      null,
    );
  });

  it('calls a recorded success whose loss passed the divergence limit unstable, even when it ends low', () => {
    // 10 × ln 10 = 23.0 nats.
    const exploded = findInstability(
      epochs([
        [8283, 0.31],
        [1.0, 0.5],
      ]),
      tenClasses,
    );
    assert.equal(exploded?.kind, 'loss-exploded');
    assert.equal(exploded?.value, 8283);
    assert.match(exploded?.reason ?? '', /^its training loss reached 8\.28e\+3 nats, past the sweep's divergence limit of 10 × ln 10 = 23\.0$/);
  });

  it('cannot place chance or the divergence limit without the number of classes', () => {
    assert.equal(
      findInstability(
        epochs([
          [8283, 0.1],
          [8000, 0.1],
        ]),
        { classes: null, valImages: null, divergenceFactor: 10 },
      ),
      null,
    );
  });
});
