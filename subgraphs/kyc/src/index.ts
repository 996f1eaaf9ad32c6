import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { buildKycSchema } from './schema';
import { seedDemo } from './seed';

export const kycSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'kyc',
  defaultPort: 4006,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildKycSchema,
  createContext,
  seedDemo,
  /** Writes kyc.review.decided to its outbox with every approval or rejection (the wallet follows it). */
  producesEvents: true,
};
