import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import type { Prisma } from './generated/prisma/client';

export type Db = PrismaClient;

export interface DbOptions {
  /** Called with the text of every statement sent, through Prisma or the raw read path (tests count them). */
  onQuery?: (sql: string) => void;
}

interface RawReader {
  pool: pg.Pool;
  onQuery: ((sql: string) => void) | undefined;
}

/** The pool under each client made by createDb, for the evaluation's hot reads (see queryRows). */
const readers = new WeakMap<object, RawReader>();

/**
 * A Prisma client over a pg pool of its own; the engine's hot reads go to that pool directly
 * (queryRows), the rest of the subgraph through Prisma as usual.
 */
export function createDb(databaseUrl: string, { onQuery }: DbOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = onQuery
    ? withQueryLog(new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }), onQuery)
    : new PrismaClient({ adapter });
  readers.set(db, { pool, onQuery });
  return db;
}

function withQueryLog(db: PrismaClient<'query'>, onQuery: (sql: string) => void): Db {
  db.$on('query', (event) => onQuery(event.query));
  return db as unknown as Db;
}

/**
 * Rows of a read-only query on the hot path of an evaluation. On a client made by createDb, straight
 * through its pg pool: Prisma costs 0.15–0.25 ms of CPU per query on top of pg (measured), and its
 * allocations showed as GC pauses in the evaluation's tail. `name` makes it a prepared statement
 * (parsed and planned once per connection): only for fixed text whose generic plan is as good as a
 * custom one (primary-key lookups). Any other client (a transaction, a test double) reads through
 * Prisma's $queryRaw, so the SQL must give the same JS values both ways: uuids cast to text,
 * timestamps as timestamptz (`AT TIME ZONE 'UTC'`), bigints as text.
 */
export async function queryRows<T>(db: Db | Prisma.TransactionClient, sql: Prisma.Sql, name?: string): Promise<T[]> {
  const reader = readers.get(db);
  if (!reader) return (db as Db).$queryRaw<T[]>(sql);
  reader.onQuery?.(sql.text);
  const result = await reader.pool.query<T & pg.QueryResultRow>({ text: sql.text, values: sql.values, ...(name ? { name } : {}) });
  return result.rows;
}

/**
 * A read through the pg pool under a client made by createDb (logged like queryRows); undefined for
 * any other client (a transaction, a test double).
 */
export function rawReaderOf(db: Db | Prisma.TransactionClient): (<T extends pg.QueryResultRow>(text: string) => Promise<T[]>) | undefined {
  const reader = readers.get(db);
  if (!reader) return undefined;
  return async <T extends pg.QueryResultRow>(text: string) => {
    reader.onQuery?.(text);
    return (await reader.pool.query<T>(text)).rows;
  };
}
