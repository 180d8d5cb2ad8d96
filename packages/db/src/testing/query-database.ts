import pg from 'pg';

/**
 * Runs one SQL statement on its own short-lived connection, for tests that look at the
 * database directly (and for making and dropping test databases).
 * @param values parameters for `$1`, `$2`, … in `sql`
 * @returns the rows
 */
export async function queryDatabase<Row extends pg.QueryResultRow>(url: string, sql: string, values?: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
