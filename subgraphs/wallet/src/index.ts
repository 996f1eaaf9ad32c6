import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { buildWalletSchema } from './schema';
import { seedDemo } from './seed';

export const walletSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'wallet',
  defaultPort: 4005,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildWalletSchema,
  createContext,
  seedDemo,
};
