/**
 * The largest id a row can have: ids are PostgreSQL `integer` columns (Prisma's `Int`). A
 * larger number names nothing, and must be refused before a query, where it is an overflow
 * error rather than "not found".
 */
export const largestId = 2_147_483_647;
