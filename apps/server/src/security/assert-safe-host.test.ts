import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { assertSafeHost, isLoopbackHost } from './assert-safe-host.js';

describe('isLoopbackHost', () => {
  it('counts localhost, 127.0.0.0/8 and ::1 in any spelling as this machine only', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.3.2.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
  });

  it('counts every other address and any other host name as beyond this machine', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '128.0.0.1', '::2', 'example.com', 'localhost.example.com', '']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('assertSafeHost', () => {
  it('lets a loopback host start without a token', () => {
    assert.doesNotThrow(() => assertSafeHost({ host: '127.0.0.1', token: undefined }));
    assert.doesNotThrow(() => assertSafeHost({ host: '::1', token: undefined }));
  });

  it('lets any host start once a token is set', () => {
    assert.doesNotThrow(() => assertSafeHost({ host: '0.0.0.0', token: 'a-long-random-string' }));
  });

  it('refuses a host beyond loopback without a token with BAD_USER_INPUT saying how to set one', () => {
    assert.throws(
      () => assertSafeHost({ host: '0.0.0.0', token: undefined }),
      (error: unknown) => {
        assert.ok(error instanceof SweepscopeError);
        assert.equal(error.code, ErrorCode.BadUserInput);
        assert.match(error.message, /^HOST=0\.0\.0\.0 serves the API beyond this machine/);
        assert.match(error.message, /SWEEPSCOPE_TOKEN=/);
        assert.match(error.message, /openssl rand -hex 32/);
        assert.match(error.message, /Authorization: Bearer <token>/);
        return true;
      },
    );
  });
});
