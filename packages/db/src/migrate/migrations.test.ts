import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../testing/index.js';
import { applyMigrations } from './apply-migrations.js';
import { diffSchema } from './diff-schema.js';

/** Columns, indexes, constraints and enums of the public schema, as comparable text. */
async function describePublicSchema(url: string): Promise<string[]> {
  const rows = await queryDatabase<{ line: string }>(
    url,
    `
    SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, udt_name, is_nullable, column_default) AS line
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    UNION ALL SELECT format('constraint %s %s', c.conname, pg_get_constraintdef(c.oid))
      FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
      WHERE c.connamespace = 'public'::regnamespace AND r.relname <> '_prisma_migrations'
    UNION ALL SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder))
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
    ORDER BY 1`,
  );
  return rows.map((row) => row.line);
}

describe('migrations', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  after(async () => {
    await db.drop();
  });

  it('apply to an empty database and create the tables', async () => {
    const applied = await applyMigrations(db.url);
    assert.ok(applied.length >= 1, `expected at least one migration applied, got ${applied.length}`);
    const tables = await queryDatabase<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    assert.deepEqual(
      tables.map((row) => row.table_name),
      ['Checkpoint', 'Epoch', 'Run', 'RunInterruption', 'Sweep', 'SweepEvent', '_prisma_migrations'],
    );
  });

  it('apply nothing the second time and keep the data', async () => {
    await queryDatabase(
      db.url,
      `INSERT INTO "Sweep" (name, dataset, alpha, "inputSize", epochs, "shuffleBuffer", seed, "createdBy")
      VALUES ('kept', 'synthetic', 0.35, 32, 1, 10, 1, 'test')`,
    );
    assert.deepEqual(await applyMigrations(db.url), []);
    assert.deepEqual(await queryDatabase(db.url, `SELECT name FROM "Sweep"`), [{ name: 'kept' }]);
  });

  it('build the same tables as prisma/schema.prisma, so a schema change without a migration fails here', async () => {
    const fromSchema = await createTestDatabase({ migrate: false });
    try {
      await queryDatabase(fromSchema.url, await diffSchema(fromSchema.url, 'empty'));
      assert.deepEqual(await describePublicSchema(db.url), await describePublicSchema(fromSchema.url));
    } finally {
      await fromSchema.drop();
    }
  });
});
