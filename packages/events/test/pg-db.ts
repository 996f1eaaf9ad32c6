import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, dropDatabase, ensureDatabase } from '@gametriggers/prisma-tools';
import { inject } from 'vitest';
import { EVENT_TABLES_SQL } from '../src/schema';
import type { SqlExecutor } from '../src/outbox';
import type { InboxExecutor, TransactionalDb } from '../src/consumer';

/**
 * A test database with the event tables and a "Thing" table, and the two things the package needs
 * of a database client (Prisma's `$executeRawUnsafe` and `$transaction`), over node-postgres.
 */
export async function createEventsDatabase(label: string) {
  const url = databaseUrl(inject('databaseServerUrl'), `test_events_${label}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // pool.end() resolves before its sockets close; the database drop that follows may terminate
  // them (57P01), which an idle client reports on the pool: nothing to do about it then.
  pool.on('error', () => {});
  await pool.query(`${EVENT_TABLES_SQL}\nCREATE TABLE "Thing" ("id" TEXT PRIMARY KEY, "count" INTEGER NOT NULL DEFAULT 0);`);
  const executor = (client: pg.PoolClient | pg.Pool): InboxExecutor => ({
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
  });
  const db: TransactionalDb<InboxExecutor> & SqlExecutor = {
    ...executor(pool),
    $transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    url,
    pool,
    db,
    drop: async () => {
      await pool.end();
      await dropDatabase(url);
    },
  };
}
