import { createPubSub } from '@gametriggers/pubsub';
import { demoIds } from '@gametriggers/prisma-tools';
import { startRouter } from '@gametriggers/router';
import { connectWs, graphql, silentLogger, subscribe, testInternalAuth, viewerHeaders } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './sign-in';
import { startStackFixture } from './stack-fixture';
import type { StackFixture } from './stack-fixture';

let fixture: StackFixture;
let url: string;
/** Deliveries are recorded by the platform (admins, services); metrics are the campaign's brand's. */
let admin: Record<string, string>;
let voltage: Record<string, string>;
beforeAll(async () => {
  fixture = await startStackFixture();
  url = fixture.stack.routerUrl;
  [admin, voltage] = await Promise.all([signInAs(url, 'admin'), signInAs(url, 'voltage')]);
}, 120_000);
afterAll(async () => {
  await fixture?.stop();
});

const campaignId = demoIds.campaigns.voltageSummer;

describe('the supergraph through the router', () => {
  it('answers a query that crosses campaign, brand, wallet, analytics, conflict, streamer, kyc and billing', async () => {
    // The brand's own wallet and invoices: signed in with identity's token, verified by the router.
    const result = await graphql(
      url,
      `
        query Overview($id: ID!) {
          campaign(id: $id) {
            name
            status
            budget {
              amount
              currency
            }
            brand {
              companyName
              wallet {
                balances {
                  currency
                  available {
                    amount
                  }
                }
              }
              invoices(first: 5) {
                nodes {
                  status
                  total {
                    amount
                    currency
                  }
                }
              }
            }
            metrics {
              impressions
              clicks
              spend {
                currency
              }
            }
            conflicts {
              severity
              reason
            }
            participations(first: 10) {
              nodes {
                status
                streamer {
                  displayName
                  kycStatus
                }
              }
            }
          }
        }
      `,
      { id: campaignId },
      voltage,
    );
    expect(result.errors).toBeUndefined();
    const campaign = result.data!['campaign'];
    expect(campaign.brand.companyName).toBe('Voltage Energy');
    expect(campaign.brand.wallet.balances.length).toBeGreaterThan(0);
    expect(campaign.brand.invoices.nodes.length).toBeGreaterThan(0);
    expect(campaign.metrics.impressions).toBeGreaterThan(0);
    expect(campaign.participations.nodes.length).toBeGreaterThan(0);
    for (const participation of campaign.participations.nodes) {
      expect(participation.streamer.displayName).toEqual(expect.any(String));
      expect(participation.streamer.kycStatus).toEqual(expect.any(String));
    }
  });

  it('resolves the brands of 100 campaigns with one query to the brand database', async () => {
    const brandId = demoIds.brands.pixelforge;
    // Its own DRAFT campaigns: created and listed by the brand itself (others do not see drafts).
    const pixelforge = await signInAs(url, 'pixelforge');
    for (let batch = 0; batch < 4; batch += 1) {
      const mutations = Array.from(
        { length: 25 },
        (_, i) => `c${i}: createCampaign(input: {
          brandId: "${brandId}", name: "Batch ${batch}-${i}", description: "N+1 probe",
          schedule: { startsAt: "2027-01-01T00:00:00Z", endsAt: "2027-02-01T00:00:00Z" },
          budget: { amount: "1000", currency: "EUR" },
          pricing: { model: CPC, rate: { amount: "0.50", currency: "EUR" } }
        }) { id }`,
      );
      const created = await graphql(url, `mutation { ${mutations.join('\n')} }`, {}, pixelforge);
      expect(created.errors).toBeUndefined();
    }
    const before = fixture.brandQueries();
    const result = await graphql(
      url,
      `{ campaigns(first: 100, brandId: "${brandId}") { nodes { name brand { companyName } } } }`,
      {},
      pixelforge,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!['campaigns'].nodes as { brand: { companyName: string } }[];
    expect(nodes).toHaveLength(100);
    expect(new Set(nodes.map((node) => node.brand.companyName))).toEqual(new Set(['PixelForge Hardware']));
    expect(fixture.brandQueries() - before).toBe(1);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field, tagged with the subgraph, and writes nothing', async () => {
    const count = async () => (await graphql(url, '{ brands(first: 100) { nodes { id } } }')).data!['brands'].nodes.length;
    const before = await count();
    const result = await graphql(
      url,
      `
        mutation {
          createBrand(
            input: {
              companyName: "Broken"
              industry: "x"
              contact: { name: "A", email: "not-an-email" }
              billing: { address: { line1: "1", city: "c", postalCode: "1", country: "US" } }
            }
          ) {
            id
          }
        }
      `,
      {},
      admin,
    );
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact.email', serviceName: 'brand' });
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts/);
    expect(await count()).toBe(before);
  });

  it('answers an unknown id with null and NOT_FOUND, not a server error', async () => {
    const result = await graphql(url, '{ campaign(id: "01930000-0000-7000-8000-00000000dead") { id name } }');
    expect(result.data!['campaign']).toBeNull();
    expect(result.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
    const malformed = await graphql(url, '{ brand(id: "nope") { id } }');
    expect(malformed.data!['brand']).toBeNull();
    expect(malformed.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
  });

  it('pushes campaignMetricsUpdated to a subscriber after a mutation, with fields from other subgraphs', async () => {
    const client = connectWs(fixture.stack.wsUrl, voltage);
    try {
      const subscription = await subscribe(
        client,
        `subscription Live($id: ID!) {
          campaignMetricsUpdated(campaignId: $id) { impressions clicks campaign { name brand { companyName } } }
        }`,
        { id: campaignId },
      );
      const before = (await graphql(url, `{ campaignMetrics(campaignId: "${campaignId}") { impressions } }`, {}, voltage)).data![
        'campaignMetrics'
      ];
      const recorded = await recordDelivery(url, campaignId, 'e2e-sub-1', 250);
      expect(recorded.errors).toBeUndefined();
      const event = await subscription.next();
      expect(event.errors).toBeUndefined();
      expect(event.data!['campaignMetricsUpdated']).toMatchObject({
        impressions: before.impressions + 250,
        campaign: { name: expect.any(String), brand: { companyName: 'Voltage Energy' } },
      });
      await subscription.close();
    } finally {
      await client.dispose();
    }
  });

  it('rejects a subscription with an invalid selection before listening', async () => {
    const client = connectWs(fixture.stack.wsUrl);
    try {
      const subscription = await subscribe(client, `subscription { campaignMetricsUpdated(campaignId: "${campaignId}") { nope } }`);
      await expect(subscription.next(2000)).rejects.toBeDefined();
    } finally {
      await client.dispose();
    }
  });

  it('serves GraphiQL from local assets, and health endpoints', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GameTriggers GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(200);
    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(Object.keys((await ready.json()).subgraphs)).toHaveLength(9);
  });
});

describe('access control across the graph', () => {
  const WALLET = `query($id: ID!) { brand(id: $id) { companyName wallet { id } } }`;

  it("identity's token, verified by the router against identity's JWKS, reaches the wallet as that brand", async () => {
    const anonymous = await graphql(url, WALLET, { id: demoIds.brands.voltage });
    expect(anonymous.data!['brand']).toEqual({ companyName: 'Voltage Energy', wallet: null });
    expect(anonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', serviceName: 'wallet' });

    const owner = await graphql(url, WALLET, { id: demoIds.brands.voltage }, await signInAs(url, 'voltage'));
    expect(owner.errors).toBeUndefined();
    expect(owner.data!['brand'].wallet).toEqual({ id: expect.any(String) });

    const otherBrand = await graphql(url, WALLET, { id: demoIds.brands.voltage }, await signInAs(url, 'pixelforge'));
    expect(otherBrand.data!['brand'].wallet).toBeNull();
    expect(otherBrand.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', serviceName: 'wallet' });
  });

  it('refuses a tampered token whole, and serves identity’s keys at the router', async () => {
    const { authorization } = await signInAs(url, 'kiraplays');
    const [header, payload, signature] = authorization!.slice('Bearer '.length).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, eid: demoIds.streamers.tactician })).toString('base64url')}.${signature}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tampered}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');

    const atRouter = await (await fetch(url.replace('/graphql', '/.well-known/jwks.json'))).json();
    const atIdentity = await (await fetch(fixture.stack.subgraphs['identity']!.url.replace('/graphql', '/.well-known/jwks.json'))).json();
    expect(atRouter).toEqual(atIdentity);
    expect(atRouter.keys.length).toBeGreaterThan(0);
  });

  it("subscribes with identity's token in the connection params; a bad one is refused with 4401", async () => {
    const client = connectWs(fixture.stack.wsUrl, voltage);
    const refused = connectWs(fixture.stack.wsUrl, { authorization: `${voltage['authorization']}x` });
    try {
      const closed = new Promise<number>((resolve) => refused.on('closed', (event) => resolve((event as { code: number }).code)));
      const live = await subscribe(client, `subscription($id: ID!) { campaignMetricsUpdated(campaignId: $id) { clicks } }`, {
        id: campaignId,
      });
      expect((await recordDelivery(url, campaignId, 'e2e-signed-in-sub', 5)).errors).toBeUndefined();
      expect((await live.next()).data!['campaignMetricsUpdated']).toEqual({ clicks: expect.any(Number) });
      expect(await closed).toBe(4401);
    } finally {
      await Promise.all([client.dispose(), refused.dispose()]);
    }
  });

  it('every subgraph refuses requests that do not come from the router', async () => {
    for (const [name, subgraph] of Object.entries(fixture.stack.subgraphs)) {
      const direct = await graphql(subgraph.url, '{ __typename }');
      expect(direct.errors?.[0]?.extensions, name).toEqual({ code: 'UNAUTHENTICATED' });
      const signed = await graphql(subgraph.url, '{ __typename }', {}, await viewerHeaders());
      expect(signed.errors, name).toBeUndefined();
    }
  });
});

describe('a second router', () => {
  it.runIf(process.env['TEST_REDIS_URL'])('on the same Redis delivers the same event to its own subscribers', async () => {
    const pubsub = await createPubSub(process.env['TEST_REDIS_URL']);
    const second = await startRouter({
      supergraphSdl: fixture.stack.supergraphSdl,
      pubsub,
      logger: silentLogger,
      port: 0,
      internalAuth: testInternalAuth,
      accessTokens: { jwksUrl: fixture.stack.subgraphs['identity']!.url.replace('/graphql', '/.well-known/jwks.json') },
    });
    const clients = [connectWs(fixture.stack.wsUrl, voltage), connectWs(second.wsUrl, voltage)];
    try {
      const query = `subscription($id: ID!) { campaignMetricsUpdated(campaignId: $id) { clicks } }`;
      const subscriptions = await Promise.all(clients.map((client) => subscribe(client, query, { id: campaignId })));
      expect((await recordDelivery(second.url, campaignId, 'e2e-two-routers', 10)).errors).toBeUndefined();
      const events = await Promise.all(subscriptions.map((subscription) => subscription.next()));
      expect(events[0]!.data).toEqual(events[1]!.data);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
      await second.stop();
      await pubsub.close();
    }
  });

  it('reports not ready and masks the error when a subgraph is unreachable', async () => {
    const pubsub = await createPubSub('memory:');
    const broken = await startRouter({
      supergraphSdl: fixture.stack.supergraphSdl,
      subgraphUrls: { brand: 'http://127.0.0.1:9/graphql' },
      pubsub,
      logger: silentLogger,
      port: 0,
      internalAuth: testInternalAuth,
    });
    try {
      const ready = await fetch(broken.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(503);
      expect((await ready.json()).subgraphs.brand).not.toBe('ok');
      const result = await graphql(broken.url, '{ brands { nodes { id } } }');
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'brand' });
      expect(result.errors![0]!.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await broken.stop();
      await pubsub.close();
    }
  });
});

function recordDelivery(routerUrl: string, campaign: string, key: string, impressions: number) {
  return graphql(
    routerUrl,
    `
      mutation ($input: RecordDeliveryMetricsInput!) {
        recordDeliveryMetrics(input: $input) {
          impressions
        }
      }
    `,
    {
      input: {
        campaignId: campaign,
        streamerId: demoIds.streamers.kiraplays,
        occurredAt: new Date().toISOString(),
        impressions,
        clicks: 3,
        viewMinutes: impressions * 4,
        conversions: 0,
        spend: { amount: '1.25', currency: 'USD' },
        idempotencyKey: key,
      },
    },
    admin,
  );
}
