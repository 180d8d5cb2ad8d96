import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';

import { cacheDir, FASHION_MNIST_CANONICAL_URL, fashionMnistSourceUrl } from './env.js';
import { saveEnvironment } from './testing/save-environment.js';

afterEach(saveEnvironment(['SWEEPSCOPE_CACHE_DIR', 'SWEEPSCOPE_FASHION_MNIST_URL']));

describe('env', () => {
  test('puts the cache under the home folder unless SWEEPSCOPE_CACHE_DIR says otherwise', () => {
    delete process.env.SWEEPSCOPE_CACHE_DIR;
    assert.equal(cacheDir(), join(homedir(), '.cache', 'sweepscope'));
    process.env.SWEEPSCOPE_CACHE_DIR = '';
    assert.equal(cacheDir(), join(homedir(), '.cache', 'sweepscope'));
    process.env.SWEEPSCOPE_CACHE_DIR = '/var/cache/sweeps';
    assert.equal(cacheDir(), '/var/cache/sweeps');
  });

  test('downloads Fashion-MNIST from the canonical site unless SWEEPSCOPE_FASHION_MNIST_URL names another, ending it in a slash', () => {
    delete process.env.SWEEPSCOPE_FASHION_MNIST_URL;
    assert.equal(fashionMnistSourceUrl(), FASHION_MNIST_CANONICAL_URL);
    assert.equal(FASHION_MNIST_CANONICAL_URL, 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/');
    process.env.SWEEPSCOPE_FASHION_MNIST_URL = 'http://mirror.example/fmnist';
    assert.equal(fashionMnistSourceUrl(), 'http://mirror.example/fmnist/');
  });
});
