import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { createRegistrationConsumer } from './registration/registration.consumer';
import { buildBrandSchema } from './schema';
import { seedDemo } from './seed';

export const brandSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'brand',
  defaultPort: 4002,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildBrandSchema,
  createContext,
  seedDemo,
  /** Answers registrations with BrandRegistered / BrandRegistrationRejected through its outbox. */
  producesEvents: true,
  /** Creates the brands of brand registrations (RegistrationRequested from identity). */
  createEventConsumer: createRegistrationConsumer,
};
