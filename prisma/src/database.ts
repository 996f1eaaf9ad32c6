import pg from 'pg';

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function splitUrl(connectionString: string): { serverUrl: string; name: string } {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a database name we create (lowercase, digits, _)`);
  url.pathname = '/postgres';
  return { serverUrl: url.toString(), name };
}

/** Creates the database named in `connectionString` when it does not exist yet. */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const { serverUrl, name } = splitUrl(connectionString);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string; constraint?: string }) => {
        // Created concurrently by another process: it existed by then (42P04), or both inserted its
        // catalog row at the same moment and this one lost (23505 on pg_database's name index).
        if (error.code === '42P04' || (error.code === '23505' && error.constraint === 'pg_database_datname_index')) return;
        throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** Drops the database named in `connectionString` (tests), closing its other connections. */
export async function dropDatabase(connectionString: string): Promise<void> {
  const { serverUrl, name } = splitUrl(connectionString);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Fails with a sentence, not a stack trace, when the server cannot be reached. */
export async function assertReachable(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at ${url.hostname}:${url.port || 5432} is not reachable: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
