import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { printSchema } from 'graphql';
import { buildSweepscopeSchema } from './build-sweepscope-schema.js';

describe('schema.graphql', () => {
  it('is what the code generates, so the committed SDL never drifts (fix: npm run print-schema -w @sweepscope/server)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    assert.equal(committed, `${printSchema(await buildSweepscopeSchema())}\n`);
  });
});
