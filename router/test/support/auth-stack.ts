import { createPubSub } from '@gametriggers/pubsub';
import type { PubSub } from '@gametriggers/pubsub';
import { schemaOf, startSubgraph } from '@gametriggers/federation';
import type { RunningSubgraph } from '@gametriggers/federation';
import { silentLogger, testInternalAuth } from '@gametriggers/testkit';
import { composeSupergraph } from '../../src/compose/compose';
import { startRouter } from '../../src/server';
import type { RouterOptions, RunningRouter } from '../../src/server';
import { createTestKeys } from './test-keys';
import type { TestKeys } from './test-keys';
import { viewerSubgraph } from './viewer-subgraph';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface AuthStack {
  keys: TestKeys;
  subgraph: RunningSubgraph;
  router: RunningRouter;
  pubsub: PubSub;
  /** POSTs an operation to `url` (default the router) and keeps the HTTP status and headers. */
  post: (query: string, headers?: Record<string, string>, url?: string) => Promise<HttpResult>;
  /** `Authorization: Bearer <token>`. */
  bearer: (token: string) => Record<string, string>;
  stop: () => Promise<void>;
}

/** The stub identity subgraph (serving the test keys' JWKS) behind a real router, both on port 0. */
export async function startAuthStack(overrides: Partial<RouterOptions> = {}): Promise<AuthStack> {
  const keys = await createTestKeys();
  const definition = viewerSubgraph(keys);
  const subgraph = await startSubgraph(definition, {
    databaseUrl: 'postgresql://unused',
    logger: silentLogger,
    internalAuth: testInternalAuth,
  });
  const { sdl } = await schemaOf(definition as never);
  const { supergraphSdl } = composeSupergraph([{ name: 'identity', url: subgraph.url, sdl }]);
  const pubsub = await createPubSub('memory:');
  const router = await startRouter({
    supergraphSdl,
    pubsub,
    logger: silentLogger,
    port: 0,
    internalAuth: testInternalAuth,
    // A new kid refetches the keys at once (production waits 30 s between such fetches).
    accessTokens: { jwksCooldownMs: 0 },
    ...overrides,
  });
  const post = async (query: string, headers: Record<string, string> = {}, url = router.url): Promise<HttpResult> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as HttpResult['body'] };
  };
  return {
    keys,
    subgraph,
    router,
    pubsub,
    post,
    bearer: (token) => ({ authorization: `Bearer ${token}` }),
    stop: async () => {
      await router.stop();
      await pubsub.close();
      await subgraph.stop();
    },
  };
}
