import { startSubgraph } from '@gametriggers/federation';
import type { DatabaseClient, SubgraphDefinition } from '@gametriggers/federation';
import { pino } from 'pino';
import { createTestDatabase } from './databases';
import { graphql } from './graphql-client';
import { testInternalAuth, viewerHeaders } from './internal-auth';
import type { Viewer } from '@gametriggers/auth';

export const silentLogger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

export interface TestSubgraph {
  url: string;
  databaseUrl: string;
  /** Sends an operation to the subgraph over HTTP, as the router would for `as` (default: the subgraph's `viewer`). */
  query: <TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Viewer,
  ) => ReturnType<typeof graphql<TData>>;
  stop: () => Promise<void>;
}

export interface TestSubgraphOptions {
  publish?: (topic: string, payload: unknown) => Promise<void>;
  /** Who `query` acts as when it is not told: default anonymous. */
  viewer?: Viewer;
}

/** A platform administrator, for tests about what a subgraph does rather than who may ask. */
export const testAdmin: Viewer = Object.freeze({
  kind: 'ADMIN',
  accountId: '01930000-0000-7000-8000-0000000ad001',
  scopes: [],
}) as Viewer;

/** Starts a subgraph on port 0 over its own fresh database; stop() also drops the database. */
export async function startTestSubgraph<TDb extends DatabaseClient, TContext extends object>(
  definition: SubgraphDefinition<TDb, TContext>,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name, definition.migrationsDir);
  const { viewer, ...rest } = options;
  const running = await startSubgraph(definition, {
    databaseUrl: database.url,
    logger: silentLogger,
    internalAuth: testInternalAuth,
    ...rest,
  });
  return {
    url: running.url,
    databaseUrl: database.url,
    query: async (query, variables, as) => graphql(running.url, query, variables, await viewerHeaders(as ?? viewer)),
    stop: async () => {
      await running.stop();
      await database.drop();
    },
  };
}
