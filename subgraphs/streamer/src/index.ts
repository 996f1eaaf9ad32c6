import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { createRegistrationConsumer } from './registration/registration.consumer';
import { buildStreamerSchema } from './schema';
import { seedDemo } from './seed';

export const streamerSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'streamer',
  defaultPort: 4003,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildStreamerSchema,
  createContext,
  seedDemo,
  /** Answers registrations with StreamerRegistered / StreamerRegistrationRejected through its outbox. */
  producesEvents: true,
  /** Creates the streamers of streamer registrations (RegistrationRequested from identity). */
  createEventConsumer: createRegistrationConsumer,
};
