import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { schemaOf, startSubgraph } from '@gametriggers/federation';
import type { RunningSubgraph } from '@gametriggers/federation';
import { createPubSub } from '@gametriggers/pubsub';
import type { PubSub } from '@gametriggers/pubsub';
import { silentLogger, testInternalAuth } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/compose/compose';
import { startRouter } from '../src/server';
import type { RunningRouter } from '../src/server';
import { createTestKeys } from './support/test-keys';
import { viewerSubgraph } from './support/viewer-subgraph';

/**
 * A subgraph that closes a pooled connection just as the router reuses it (its idle keep-alive
 * timeout firing) resets that one request. The router sends a query once more on a fresh
 * connection instead of answering SUBGRAPH_UNAVAILABLE; a subgraph that is really down still is.
 */
let subgraph: RunningSubgraph;
let router: RunningRouter;
let pubsub: PubSub;
let proxy: net.Server;
/** Requests the proxy answers by resetting their connection (the next ones are passed through). */
let resetsLeft = 0;

beforeAll(async () => {
  const definition = viewerSubgraph(await createTestKeys());
  subgraph = await startSubgraph(definition, { databaseUrl: 'postgresql://unused', logger: silentLogger, internalAuth: testInternalAuth });
  const upstream = new URL(subgraph.url);
  proxy = net.createServer((client) => {
    const server = net.connect(Number(upstream.port), upstream.hostname);
    server.on('error', () => client.destroy());
    client.on('error', () => server.destroy());
    server.pipe(client);
    client.on('data', (chunk) => {
      if (resetsLeft > 0) {
        resetsLeft -= 1;
        client.resetAndDestroy();
        server.destroy();
      } else server.write(chunk);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${upstream.pathname}`;
  const { sdl } = await schemaOf(definition as never);
  const { supergraphSdl } = composeSupergraph([{ name: 'identity', url: proxyUrl, sdl }]);
  pubsub = await createPubSub('memory:');
  router = await startRouter({ supergraphSdl, pubsub, logger: silentLogger, port: 0, internalAuth: testInternalAuth });
});

afterAll(async () => {
  await router?.stop();
  await pubsub?.close();
  proxy?.close();
  await subgraph?.stop();
});

async function whoami() {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ whoami { viewer { kind } } }' }),
  });
  return (await response.json()) as {
    data?: { whoami: { viewer: { kind: string } } } | null;
    errors?: { extensions?: Record<string, unknown> }[];
  };
}

describe('a subgraph connection reset under a query', () => {
  it('is retried once on a fresh connection, and the client gets its answer', async () => {
    expect((await whoami()).data?.whoami.viewer.kind).toBe('ANONYMOUS'); // a pooled connection to reuse
    resetsLeft = 1;
    const result = await whoami();
    expect(result.errors).toBeUndefined();
    expect(result.data?.whoami.viewer.kind).toBe('ANONYMOUS');
    expect(resetsLeft).toBe(0);
  });

  it('is not retried forever: a subgraph resetting every connection is SUBGRAPH_UNAVAILABLE, without details', async () => {
    resetsLeft = 100;
    const result = await whoami();
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'identity' });
    expect(100 - resetsLeft).toBe(2); // the first attempt and one retry
    resetsLeft = 0;
    expect((await whoami()).data?.whoami.viewer.kind).toBe('ANONYMOUS');
  });
});
