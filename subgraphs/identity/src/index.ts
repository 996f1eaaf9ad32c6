import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { createIdentityJobHandlers } from './maintenance/maintenance-jobs';
import { createRegistrationConsumer } from './registration/registration.consumer';
import { buildIdentitySchema } from './schema';
import { seedDemo } from './seed';
import { identityServices } from './services';
import { serveJwks } from './signing-key/jwks.route';

export const identitySubgraph: SubgraphDefinition<Db, Context> = {
  name: 'identity',
  defaultPort: 4001,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildIdentitySchema,
  createContext,
  seedDemo,
  /** Writes RegistrationRequested to its outbox with every registerBrand / registerStreamer. */
  producesEvents: true,
  /** Settles registrations with the brand and streamer subgraphs' answers. */
  createEventConsumer: createRegistrationConsumer,
  /** Hourly: ended sessions (with their refresh tokens), stale OAuth flows and rate limit counters go. */
  createJobHandlers: createIdentityJobHandlers,
  /** The JWKS; the first signing key is made here at start (or at the first sign-in, whichever comes first). */
  routes: (app, db, deps) => {
    const { signingKeys } = identityServices(db, deps);
    serveJwks(app, signingKeys, deps.logger);
    signingKeys.active().catch((error: unknown) => deps.logger.error({ err: error }, 'no access token signing key could be made ready'));
  },
};
