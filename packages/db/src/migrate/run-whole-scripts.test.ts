import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrismaPg } from '@prisma/adapter-pg';
import { useTestDatabase } from '../testing/index.js';
import { runWholeScripts } from './run-whole-scripts.js';

describe('runWholeScripts', () => {
  const database = useTestDatabase();

  async function connect() {
    return runWholeScripts(await new PrismaPg({ connectionString: database.url }).connect());
  }

  it('runs a script whose function body holds semicolons', async () => {
    const adapter = await connect();
    try {
      await adapter.executeScript(`CREATE FUNCTION twice(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN 2 * x;
END
$$;
CREATE TABLE doubled AS SELECT twice(21) AS value;`);
      const [row] = await database.prisma.$queryRaw<{ value: number }[]>`SELECT value FROM doubled`;
      assert.equal(row?.value, 42);
    } finally {
      await adapter.dispose();
    }
  });

  it('applies nothing of a script that fails part-way', async () => {
    const adapter = await connect();
    try {
      await assert.rejects(adapter.executeScript('CREATE TABLE first_half (x int); SELECT 1 / 0;'));
      const [row] = await database.prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('first_half') IS NOT NULL AS exists`;
      assert.equal(row?.exists, false);
    } finally {
      await adapter.dispose();
    }
  });
});
