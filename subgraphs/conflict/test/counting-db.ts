import { createDb } from '../src/db';
import type { Db } from '../src/db';

/** SQL statements sent by every client made by `createCountingDb`, for tests that bound query counts. */
export const sqlLog: string[] = [];

/** A database client like `createDb`'s that records each SQL statement it sends (Prisma's and the raw reads). */
export function createCountingDb(databaseUrl: string): Db {
  return createDb(databaseUrl, { onQuery: (sql) => sqlLog.push(sql) });
}
