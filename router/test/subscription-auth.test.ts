import { topics } from '@gametriggers/pubsub';
import { connectWs, subscribe } from '@gametriggers/testkit';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthStack } from './support/auth-stack';
import type { AuthStack } from './support/auth-stack';

const LIVE = `subscription($id: ID!) { campaignMetricsUpdated(campaignId: $id) { campaignId seenBy { kind accountId entityId } brandSecret } }`;

let stack: AuthStack;
const clients: Client[] = [];
beforeAll(async () => {
  stack = await startAuthStack();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.stop();
});

const connect = (connectionParams: Record<string, unknown> = {}) => {
  const client = connectWs(stack.router.wsUrl, connectionParams);
  clients.push(client);
  return client;
};

/** The close event of a connection, or undefined if it stays open for `ms`. */
const closeOf = (client: Client, ms = 5000) =>
  new Promise<{ code: number; reason: string } | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    client.on('closed', (event) => {
      clearTimeout(timer);
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason: String(reason) });
    });
  });

describe('subscriptions and access tokens', () => {
  it.each([
    [
      'an invalid token',
      async () => ({ authorization: `Bearer ${await stack.keys.mint({ kind: 'BRAND' }, { iss: 'https://evil.example' })}` }),
    ],
    ['an expired token', async () => ({ authorization: `Bearer ${await stack.keys.mint({ kind: 'BRAND' }, { expiresIn: -60 })}` })],
    ['a malformed authorization', async () => ({ authorization: 'Basic YWRtaW46YWRtaW4=' })],
  ])('refuse a connection with %s: closed 4401 Unauthorized before any subscription', async (_name, params) => {
    const client = connect(await params());
    const closed = await closeOf(client);
    expect(closed?.code).toBe(4401);
    expect(closed?.reason).toMatch(/^Unauthorized: /);
  });

  it('deliver to a valid token, running the selection as its viewer; an anonymous subscriber gets its own result', async () => {
    const brand = await subscribe(
      connect({ authorization: `Bearer ${await stack.keys.mint({ kind: 'BRAND', sub: 'acct-b', eid: 'brand-1' })}` }),
      LIVE,
      { id: 'c-1' },
    );
    const anonymous = await subscribe(connect(), LIVE, { id: 'c-1' });
    await stack.pubsub.publish(topics.campaignMetricsUpdated('c-1'), { campaignId: 'c-1' });

    const forBrand = await brand.next();
    expect(forBrand.errors).toBeUndefined();
    expect(forBrand.data).toEqual({
      campaignMetricsUpdated: {
        campaignId: 'c-1',
        seenBy: { kind: 'BRAND', accountId: 'acct-b', entityId: 'brand-1' },
        brandSecret: 'for brands',
      },
    });
    // Not the brand's result shared: run as the anonymous viewer, refused the brands-only field.
    const forAnonymous = await anonymous.next();
    expect(forAnonymous.data!['campaignMetricsUpdated']).toMatchObject({ seenBy: { kind: 'ANONYMOUS' }, brandSecret: null });
    expect(forAnonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('close the connection when its token expires', async () => {
    // Valid for two more seconds (inside the verifier's clock tolerance from then on, but the connection ends at exp).
    const client = connect({ authorization: `Bearer ${await stack.keys.mint({ kind: 'STREAMER', eid: 's' }, { expiresIn: 2 })}` });
    const live = await subscribe(client, LIVE, { id: 'c-2' });
    await stack.pubsub.publish(topics.campaignMetricsUpdated('c-2'), { campaignId: 'c-2' });
    expect((await live.next()).data!['campaignMetricsUpdated'].seenBy.kind).toBe('STREAMER');
    const closed = await closeOf(client, 5000);
    // 4403, not 4401: graphql-ws clients retry it, asking their connectionParams for a fresh token.
    expect(closed).toEqual({ code: 4403, reason: 'Forbidden: the access token has expired; reconnect with a fresh one' });
  });

  it('a graphql-ws client reconnects after the expiry with a fresh token and its subscription goes on', async () => {
    let issued = 0;
    const client = createClient({
      url: stack.router.wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 2,
      retryWait: async () => {},
      onNonLazyError: () => {},
      // As an app would: the current token each time it (re)connects; the first one about to expire.
      connectionParams: async () => {
        issued += 1;
        const token = await stack.keys.mint({ kind: 'STREAMER', eid: `streamer-${issued}` }, { expiresIn: issued === 1 ? 1 : 900 });
        return { authorization: `Bearer ${token}` };
      },
    });
    clients.push(client);
    const reconnected = new Promise<void>((resolve) => {
      let connections = 0;
      client.on('connected', () => (connections += 1) === 2 && resolve());
    });
    const live = await subscribe(client, LIVE, { id: 'c-3' });
    await stack.pubsub.publish(topics.campaignMetricsUpdated('c-3'), { campaignId: 'c-3' });
    expect((await live.next()).data!['campaignMetricsUpdated'].seenBy.entityId).toBe('streamer-1');
    await reconnected;
    await new Promise((resolve) => setTimeout(resolve, 150)); // the resubscribe message reaches the router
    await stack.pubsub.publish(topics.campaignMetricsUpdated('c-3'), { campaignId: 'c-3' });
    expect((await live.next()).data!['campaignMetricsUpdated'].seenBy.entityId).toBe('streamer-2');
  });
});
