import { PrismaPg } from '@prisma/adapter-pg';
import type { Db } from '../src/db';
import { PrismaClient } from '../src/generated/prisma/client';

/** SQL statements sent by every client made by `createCountingDb`, for tests that bound query counts. */
export const sqlLog: string[] = [];

/** A database client like `createDb`'s that records each SQL statement it sends. */
export function createCountingDb(databaseUrl: string): Db {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', (event) => {
    sqlLog.push(event.query);
  });
  return db as unknown as Db;
}
