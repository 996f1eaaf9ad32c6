import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

const databaseNames = new WeakMap<Db, string>();

export function createDb(databaseUrl: string): Db {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  databaseNames.set(db, decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'identity');
  return db;
}

/** The name of the database a client was made for: what tells deployments apart in a shared Redis. */
export const databaseNameOf = (db: Db): string => databaseNames.get(db) ?? 'identity';
