import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import { createDeliveryConsumer } from './metrics/delivery.consumer';
import type { Db } from './db';
import { buildAnalyticsSchema } from './schema';
import { seedDemo } from './seed';

export const analyticsSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'analytics',
  defaultPort: 4009,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildAnalyticsSchema,
  createContext,
  seedDemo,
  /** Counts the deliveries the campaign subgraph records (campaign.delivery.recorded) and keeps which brand owns each campaign (campaign.campaign.changed). */
  createEventConsumer: createDeliveryConsumer,
};
