import { randomBytes } from 'node:crypto';
import { databaseUrl, dropDatabase } from '@gametriggers/prisma-tools';
import { silentLogger, testInternalAuthSecret } from '@gametriggers/testkit';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { brandSubgraph } from '@gametriggers/subgraph-brand';
import { inject } from 'vitest';
import { startStack } from '../src/stack';
import type { RunningStack } from '../src/stack';
import { allSubgraphs } from '../src/subgraphs';

export interface StackFixture {
  stack: RunningStack;
  /** Prisma operations the brand subgraph has run against its database so far. */
  brandQueries: () => number;
  stop: () => Promise<void>;
}

/**
 * The whole supergraph on the test run's PostgreSQL (fresh databases per fixture), with demo data,
 * live events on TEST_REDIS_URL when set (in process otherwise), and a counter of the brand
 * subgraph's database operations (to prove entity batching).
 */
export async function startStackFixture(): Promise<StackFixture> {
  let brandQueries = 0;
  const countingBrand: SubgraphDefinition = {
    ...(brandSubgraph as unknown as SubgraphDefinition),
    createDatabaseClient: (url: string) =>
      brandSubgraph.createDatabaseClient(url).$extends({
        query: {
          $allOperations: ({ args, query }) => {
            brandQueries += 1;
            return query(args);
          },
        },
      }) as never,
  };
  const subgraphs = allSubgraphs.map((definition) => (definition.name === 'brand' ? countingBrand : definition));
  const databasePrefix = `e2e_${randomBytes(4).toString('hex')}_`;
  const stack = await startStack({
    logger: silentLogger,
    databaseUrl: inject('databaseServerUrl'),
    databasePrefix,
    dataDir: '/nonexistent',
    pubsubUrl: process.env['TEST_REDIS_URL'],
    port: 0,
    subgraphBasePort: 0,
    seedDemo: true,
    subgraphs,
    // The tests' secret, so they can also call subgraphs directly as the router would (viewerHeaders).
    internalAuthSecret: testInternalAuthSecret,
  });
  return {
    stack,
    brandQueries: () => brandQueries,
    stop: async () => {
      await stack.stop();
      await Promise.all(Object.values(stack.subgraphs).map((subgraph) => dropDatabase(subgraph.databaseUrl)));
      await dropDatabase(databaseUrl(inject('databaseServerUrl'), `${databasePrefix}bus`));
    },
  };
}
