import { createPubSub } from '@gametriggers/pubsub';
import type { PubSub } from '@gametriggers/pubsub';
import { brandSubgraph } from '@gametriggers/subgraph-brand';
import { graphql, silentLogger, startTestSubgraph, testInternalAuth } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/compose/compose';
import { startRouter } from '../src/server';
import type { RunningRouter } from '../src/server';

let subgraph: TestSubgraph;
let pubsub: PubSub;
let router: RunningRouter;
beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph);
  const { sdl } = await brandSubgraph.buildSchema();
  const { supergraphSdl } = composeSupergraph([{ name: 'brand', url: subgraph.url, sdl }]);
  pubsub = await createPubSub('memory:');
  router = await startRouter({ supergraphSdl, pubsub, logger: silentLogger, port: 0, internalAuth: testInternalAuth });
});
afterAll(async () => {
  await router?.stop();
  await pubsub?.close();
  await subgraph?.stop();
});

const metrics = async () => {
  const response = await fetch(router.url.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  return response.text();
};

describe('GET /metrics on the router', () => {
  it('counts requests per operation type, their duration and errors by code, and shows active subscriptions', async () => {
    await graphql(router.url, '{ __typename }');
    await graphql(router.url, '{ noSuchField }');
    const text = await metrics();
    for (const name of [
      'gametriggers_router_requests_total counter',
      'gametriggers_router_request_duration_seconds histogram',
      'gametriggers_router_errors_total counter',
      'gametriggers_router_active_subscriptions gauge',
      'process_resident_memory_bytes gauge',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/^gametriggers_router_requests_total\{operation_type="query",transport="http"\} [1-9]/m);
    expect(text).toMatch(/^gametriggers_router_request_duration_seconds_count\{operation_type="query",transport="http"\} [1-9]/m);
    expect(text).toMatch(/^gametriggers_router_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).toMatch(/^gametriggers_router_active_subscriptions 0$/m);
  });
});
