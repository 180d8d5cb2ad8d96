import assert from 'node:assert/strict';
import { it } from 'node:test';

import { describeNoiseScaleInterval } from './describe-noise-scale-interval';

it('says how often a sweep measures the noise scale, and off for 0', () => {
  assert.equal(describeNoiseScaleInterval(0), 'off');
  assert.equal(describeNoiseScaleInterval(1), 'every step from epoch 2');
  assert.equal(describeNoiseScaleInterval(2), 'every 2nd step from epoch 2');
  assert.equal(describeNoiseScaleInterval(3), 'every 3rd step from epoch 2');
  assert.equal(describeNoiseScaleInterval(11), 'every 11th step from epoch 2');
  assert.equal(describeNoiseScaleInterval(20), 'every 20th step from epoch 2');
  assert.equal(describeNoiseScaleInterval(21), 'every 21st step from epoch 2');
  assert.equal(describeNoiseScaleInterval(112), 'every 112th step from epoch 2');
  assert.equal(describeNoiseScaleInterval(1000000), 'every 1,000,000th step from epoch 2');
});
