import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';

before(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('Identity on wasm with shared data', () => {
  test('gives a tensor of the same values that outlives its source, without a new buffer', () => {
    const source = tf.tensor2d([1, -0, Number.NaN, 4], [2, 2]);
    const buffersBefore = tf.engine().backend.numDataIds();
    const clone = tf.clone(source);
    assert.equal(tf.engine().backend.numDataIds(), buffersBefore);
    source.dispose();
    assert.deepEqual(clone.shape, [2, 2]);
    const values = Array.from(clone.dataSync());
    assert.deepEqual(values, [1, -0, Number.NaN, 4]);
    assert.ok(Object.is(values[1], -0));
    clone.dispose();
  });

  test('keeps a clone of a variable at its value when the variable is assigned', () => {
    const variable = tf.variable(tf.tensor1d([1, 2]));
    const clone = tf.clone(variable);
    variable.assign(tf.tensor1d([3, 4]));
    assert.deepEqual(Array.from(clone.dataSync()), [1, 2]);
    assert.deepEqual(Array.from(variable.dataSync()), [3, 4]);
    tf.dispose([variable, clone]);
  });

  test('copies strings as before', () => {
    const words = tf.tensor1d(['a', 'b'], 'string');
    const clone = tf.clone(words);
    words.dispose();
    assert.deepEqual(clone.dataSync(), ['a', 'b']);
    clone.dispose();
  });

  test('leaves no tensors or wasm buffers behind', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const leaks = countLeaks(() =>
      tf.tidy(() => {
        tf.clone(tf.clone(x));
      }),
    );
    x.dispose();
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});
