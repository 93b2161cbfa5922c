import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { withUser } from './postgres.js';

/**
 * Test helpers for the PostgreSQL tier: a database of its own per test
 * (random name), dropped at the end. PostgreSQL runs on this machine and in
 * CI (127.0.0.1:5432, trust auth); when it cannot be reached the tests fail
 * and say so, they do not skip.
 */

/** The server databases are created from (any database the test user may connect to). */
export const PG_ADMIN_URL = process.env.INBOX_TEST_PG ?? 'postgres://127.0.0.1:5432/postgres';

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withUser(PG_ADMIN_URL), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        'The PostgreSQL tests need it: start it (127.0.0.1:5432, trust auth), or name another server with INBOX_TEST_PG.',
      { cause: error },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database with a random name: its URL, and `drop` to remove it (its connections closed). */
export async function createTestDatabase(prefix = 'inbox_test'): Promise<{ readonly url: string; readonly name: string; readonly drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(name),
    name,
    drop: () =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** The first column of every row of `sql` on the database at `url`. */
export async function column(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: withUser(url) });
  await client.connect();
  try {
    const result = await client.query({ text: sql, rowMode: 'array' });
    return (result.rows as unknown[][]).map((row) => row[0]);
  } finally {
    await client.end();
  }
}
