import { createPrisma, type PrismaClient } from '../client/create-prisma.js';
import { openDatabase, type OpenDatabase } from './open-database.js';

/** An open database and the Prisma client a process works through. */
export interface DatabaseConnection extends OpenDatabase {
  prisma: PrismaClient;
  /** Disconnects the client, then lets go of the database. */
  close(): Promise<void>;
}

/**
 * Opens the database as {@link openDatabase} does (migrating it first) and connects a
 * client to it: the start of every command and server that reads or writes.
 * @throws {SweepscopeError} DATABASE_UNAVAILABLE when it cannot be reached or started
 */
export async function connectDatabase(): Promise<DatabaseConnection> {
  const database = await openDatabase();
  const prisma = createPrisma(database.url);
  return {
    ...database,
    prisma,
    async close() {
      await prisma.$disconnect();
      await database.close();
    },
  };
}
