import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { ledgerStatementName } from './ledger/posting-statement';

export type Db = PrismaClient;

/** `max`: the pool's connections (pg's default 10 unless given). The ledger's posting statement is prepared once per connection. */
export function createDb(databaseUrl: string, max?: number): Db {
  const pool = { connectionString: databaseUrl, ...(max ? { max } : {}) };
  return new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator: ledgerStatementName }) });
}
