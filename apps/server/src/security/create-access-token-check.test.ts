import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAccessTokenCheck } from './create-access-token-check.js';

describe('createAccessTokenCheck', () => {
  const check = createAccessTokenCheck('s3cret-token');

  it('grants a matching bearer token, whatever the case of the scheme', () => {
    assert.equal(check({ authorization: 'Bearer s3cret-token' }), 'granted');
    assert.equal(check({ authorization: 'bearer s3cret-token' }), 'granted');
  });

  it('grants a matching bare token', () => {
    assert.equal(check({ token: 's3cret-token' }), 'granted');
  });

  it('calls absent or empty credentials missing', () => {
    assert.equal(check({}), 'missing');
    assert.equal(check({ authorization: '', token: '' }), 'missing');
    assert.equal(check({ authorization: null }), 'missing');
  });

  it('calls anything but Bearer <token> malformed', () => {
    assert.equal(check({ authorization: 's3cret-token' }), 'malformed');
    assert.equal(check({ authorization: 'Basic czNjcmV0LXRva2Vu' }), 'malformed');
    assert.equal(check({ authorization: 'Bearer ' }), 'malformed');
    assert.equal(check({ authorization: 42 }), 'malformed');
    assert.equal(check({ token: 42 }), 'malformed');
  });

  it('calls a wrong token a mismatch, longer, shorter or a prefix alike', () => {
    assert.equal(check({ authorization: 'Bearer s3cret' }), 'mismatch');
    assert.equal(check({ authorization: 'Bearer s3cret-token-and-more' }), 'mismatch');
    assert.equal(check({ token: 'other' }), 'mismatch');
  });

  it('judges by authorization when both are given', () => {
    assert.equal(check({ authorization: 'Bearer wrong', token: 's3cret-token' }), 'mismatch');
  });
});
