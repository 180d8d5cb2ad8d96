import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import pg from 'pg';
import { ErrorCode } from '@sweepscope/core';
import { createPrisma } from '../client/create-prisma.js';
import { queryDatabase, useTestDatabase } from '../testing/index.js';
import { classifyDatabaseError } from './classify-database-error.js';

describe('classifyDatabaseError', () => {
  const database = useTestDatabase();

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

  it('calls a query on a session the server has ended DATABASE_UNAVAILABLE, as a paused import meets it', async () => {
    const prisma = createPrisma(database.url);
    try {
      const failure = await prisma
        .$transaction(async (tx) => {
          const [session] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          // As the server ends a session idle in its transaction for too long (25P03): the client hears of it between queries.
          await queryDatabase(database.url, `SELECT pg_terminate_backend($1)`, [session!.pid]);
          await sleep(300);
          await tx.$queryRaw`SELECT 1`;
        })
        .catch((error: unknown) => error);
      const classified = classifyDatabaseError(failure);
      assert.equal(classified?.code, ErrorCode.DatabaseUnavailable, String(failure));
    } finally {
      await prisma.$disconnect();
    }
  });

  it('calls a server shutting down DATABASE_UNAVAILABLE by its SQLSTATE', () => {
    assert.equal(classifyDatabaseError(Object.assign(new Error('terminating'), { code: '57P01' }))?.code, ErrorCode.DatabaseUnavailable);
  });

  it('leaves other errors alone, a unique violation among them', () => {
    assert.equal(classifyDatabaseError(Object.assign(new Error('duplicate'), { code: '23505' })), undefined);
    assert.equal(classifyDatabaseError(new Error('anything')), undefined);
  });
});
