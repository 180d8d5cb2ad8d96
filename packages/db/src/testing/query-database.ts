import pg from 'pg';

/**
 * Runs one SQL statement on its own short-lived connection, for tests that look at the
 * database directly (and for making and dropping test databases).
 * @returns the rows
 */
export async function queryDatabase<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}
