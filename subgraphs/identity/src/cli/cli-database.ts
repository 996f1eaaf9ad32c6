import { createDb } from '../db';
import type { Db } from '../db';

/**
 * The identity database of a CLI: DATABASE_URL (identity's own database, as the subgraph's), default
 * postgresql://postgres@127.0.0.1:5432/gametriggers_identity. Under the embedded launcher, whose
 * PostgreSQL picks a port at start, pass the identity database URL it logs.
 */
export function cliDatabase(): { db: Db; url: string } {
  const url = process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/gametriggers_identity';
  return { db: createDb(url), url: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') };
}
