import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { buildBillingSchema } from './schema';
import { seedDemo } from './seed';

export const billingSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'billing',
  defaultPort: 4008,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildBillingSchema,
  createContext,
  seedDemo,
};
