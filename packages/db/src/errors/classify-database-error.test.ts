import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createPrisma } from '../client/create-prisma.js';
import { classifyDatabaseError } from './classify-database-error.js';
import { ErrorCode } from './sweepscope-error.js';

describe('classifyDatabaseError', () => {
  it('calls a refused connection DATABASE_UNAVAILABLE, found through the cause chain', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const refused = await new pg.Client({ connectionString: 'postgresql://nobody@127.0.0.1:1/none' }).connect().catch((error: unknown) => error);
    const classified = classifyDatabaseError(new Error('query failed', { cause: refused }));
    assert.equal(classified?.code, ErrorCode.DatabaseUnavailable);
    assert.match(classified?.message ?? '', /Lost the connection to the database/);
  });

  it('calls Prisma\'s "cannot reach the database" DATABASE_UNAVAILABLE', async () => {
    const prisma = createPrisma('postgresql://nobody@127.0.0.1:1/none');
    const unreachable = await prisma.sweep.count().catch((error: unknown) => error);
    assert.equal(classifyDatabaseError(unreachable)?.code, ErrorCode.DatabaseUnavailable);
  });

  it('calls a server shutting down DATABASE_UNAVAILABLE by its SQLSTATE', () => {
    assert.equal(classifyDatabaseError(Object.assign(new Error('terminating'), { code: '57P01' }))?.code, ErrorCode.DatabaseUnavailable);
  });

  it('leaves other errors alone, a unique violation among them', () => {
    assert.equal(classifyDatabaseError(Object.assign(new Error('duplicate'), { code: '23505' })), undefined);
    assert.equal(classifyDatabaseError(new Error('anything')), undefined);
  });
});
