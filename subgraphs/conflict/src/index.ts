import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createCampaignFactsConsumer } from './campaign-facts/campaign-facts.consumer';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { buildConflictSchema } from './schema';
import { seedDemo } from './seed';

export const conflictSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'conflict',
  defaultPort: 4007,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildConflictSchema,
  createContext,
  seedDemo,
  /** Follows CampaignChanged from the campaign subgraph into CampaignFacts. */
  createEventConsumer: createCampaignFactsConsumer,
};
