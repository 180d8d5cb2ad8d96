import { after, before } from 'node:test';
import { createPrisma, type PrismaClient } from '../client/create-prisma.js';
import { createTestDatabase, type TestDatabase } from './create-test-database.js';

/** The database of one test suite, and a Prisma client on it, ready once the suite's `before` hooks have run. */
export interface SuiteDatabase {
  readonly url: string;
  readonly prisma: PrismaClient;
}

/**
 * Gives the calling `describe` its own fresh, migrated database: made before the suite's
 * tests, dropped after them, with one Prisma client on it. Call it at the top of the
 * `describe`, before hooks that need the database.
 */
export function useTestDatabase(): SuiteDatabase {
  let db: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
  });
  after(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The suite database is made in a before hook: read it inside a test or a later hook.');
    return value;
  };
  return {
    get url() {
      return ready(db).url;
    },
    get prisma() {
      return ready(prisma);
    },
  };
}
