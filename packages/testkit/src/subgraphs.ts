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
  /** Sends an operation to the subgraph over HTTP, as the router would for `as` (default: anonymous). */
  query: <TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Viewer,
  ) => ReturnType<typeof graphql<TData>>;
  stop: () => Promise<void>;
}

export interface TestSubgraphOptions {
  publish?: (topic: string, payload: unknown) => Promise<void>;
}

/** Starts a subgraph on port 0 over its own fresh database; stop() also drops the database. */
export async function startTestSubgraph<TDb extends DatabaseClient, TContext extends object>(
  definition: SubgraphDefinition<TDb, TContext>,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name, definition.migrationsDir);
  const running = await startSubgraph(definition, {
    databaseUrl: database.url,
    logger: silentLogger,
    internalAuth: testInternalAuth,
    ...options,
  });
  return {
    url: running.url,
    databaseUrl: database.url,
    query: async (query, variables, as) => graphql(running.url, query, variables, await viewerHeaders(as)),
    stop: async () => {
      await running.stop();
      await database.drop();
    },
  };
}
