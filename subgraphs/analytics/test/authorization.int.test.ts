import { randomUUID } from 'node:crypto';
import { CampaignChanged, writeEvent } from '@gametriggers/events';
import type { ViewerContext } from '@gametriggers/federation';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { analyticsSubgraph } from '../src/index';
import { RECORD, deliveryInput } from './factories';

type Viewer = ViewerContext['viewer'];

const brandId = randomUUID();
const streamerId = randomUUID();
const campaignId = randomUUID();
const anonymous: Viewer = { kind: 'ANONYMOUS', scopes: [] };
const owner: Viewer = { kind: 'BRAND', accountId: randomUUID(), entityId: brandId, scopes: [] };
const otherBrand: Viewer = { kind: 'BRAND', accountId: randomUUID(), entityId: randomUUID(), scopes: [] };
const streamer: Viewer = { kind: 'STREAMER', accountId: randomUUID(), entityId: streamerId, scopes: [] };
const otherStreamer: Viewer = { kind: 'STREAMER', accountId: randomUUID(), entityId: randomUUID(), scopes: [] };
const service: Viewer = { kind: 'SERVICE', service: 'campaign', scopes: [] };

let subgraph: TestSubgraph;
let db: Db;

/** The campaign subgraph's CampaignChanged for a campaign of `brand`, through analytics' consumer. */
async function campaignChanged(id: string, brand: string, revision = 1) {
  const envelope = await writeEvent({ $executeRawUnsafe: async () => 1 }, CampaignChanged, {
    subject: id,
    data: {
      campaignId: id,
      brandId: brand,
      status: 'ACTIVE',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2027-01-01T00:00:00.000Z',
      categories: [],
      platforms: [],
      streamerIds: [],
      revision,
    },
  });
  await analyticsSubgraph.createEventConsumer!(db, { logger: silentLogger }).handle(envelope);
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(analyticsSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  await campaignChanged(campaignId, brandId);
  const recorded = await subgraph.query(RECORD, { input: deliveryInput({ campaignId, streamerId }) });
  expect(recorded.errors).toBeUndefined();
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((error) => error.extensions!['code']);

describe("who reads a campaign's metrics", () => {
  const QUERIES = {
    campaignMetrics: `query($id: ID!) { campaignMetrics(campaignId: $id) { impressions buckets(granularity: DAY, from: "2025-01-01T00:00:00Z", to: "2025-12-31T00:00:00Z") { impressions } byStreamer { impressions } } }`,
    'Campaign.metrics': `query($r: [_Any!]!) { _entities(representations: $r) { ... on Campaign { metrics { impressions } } } }`,
    CampaignMetrics: `query($r: [_Any!]!) { _entities(representations: $r) { ... on CampaignMetrics { impressions } } }`,
  };
  const variables = {
    campaignMetrics: { id: campaignId },
    'Campaign.metrics': { r: [{ __typename: 'Campaign', id: campaignId }] },
    CampaignMetrics: { r: [{ __typename: 'CampaignMetrics', campaignId }] },
  };

  it('is the brand owning the campaign or an admin, on every path', async () => {
    for (const [name, query] of Object.entries(QUERIES)) {
      const vars = variables[name as keyof typeof variables];
      for (const viewer of [owner, testAdmin]) {
        const result = await subgraph.query(query, vars, viewer);
        expect(result.errors, name).toBeUndefined();
        expect(JSON.stringify(result.data), name).toContain('"impressions":1000');
      }
      for (const [viewer, code] of [
        [anonymous, 'UNAUTHENTICATED'],
        [otherBrand, 'FORBIDDEN'],
        [streamer, 'FORBIDDEN'],
        [otherStreamer, 'FORBIDDEN'],
      ] as const) {
        const result = await subgraph.query(query, vars, viewer);
        expect(codes(result), name).toEqual([code]);
        expect(JSON.stringify(result), name).not.toContain('1000');
      }
    }
  });

  it('is refused to brands for a campaign analytics does not know the owner of, until CampaignChanged says', async () => {
    const fresh = randomUUID();
    const query = `query($id: ID!) { campaignMetrics(campaignId: $id) { impressions } }`;
    expect(codes(await subgraph.query(query, { id: fresh }, owner))).toEqual(['FORBIDDEN']);
    await campaignChanged(fresh, brandId);
    expect((await subgraph.query(query, { id: fresh }, owner)).data!['campaignMetrics']).toEqual({ impressions: 0 });
    // An older revision redelivered changes nothing.
    await campaignChanged(fresh, otherBrand.entityId!, 0);
    expect((await subgraph.query(query, { id: fresh }, owner)).errors).toBeUndefined();
  });
});

describe("a streamer's own metrics", () => {
  const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Streamer { campaignMetrics { campaign { id } impressions } } } }`;

  it('are the streamer’s and admins’ only', async () => {
    const r = [{ __typename: 'Streamer', id: streamerId }];
    for (const viewer of [streamer, testAdmin]) {
      const result = await subgraph.query(QUERY, { r }, viewer);
      expect(result.data!['_entities']).toEqual([{ campaignMetrics: [{ campaign: { id: campaignId }, impressions: 1000 }] }]);
    }
    for (const [viewer, code] of [
      [anonymous, 'UNAUTHENTICATED'],
      [otherStreamer, 'FORBIDDEN'],
      [owner, 'FORBIDDEN'],
    ] as const) {
      const result = await subgraph.query(QUERY, { r }, viewer);
      expect(result.data!['_entities']).toEqual([{ campaignMetrics: null }]);
      expect(codes(result)).toEqual([code]);
    }
  });
});

describe('who records metrics', () => {
  it('is an admin or a service', async () => {
    for (const [viewer, code] of [
      [anonymous, 'UNAUTHENTICATED'],
      [owner, 'FORBIDDEN'],
      [streamer, 'FORBIDDEN'],
    ] as const) {
      expect(codes(await subgraph.query(RECORD, { input: deliveryInput({ campaignId }) }, viewer))).toEqual([code]);
    }
    expect((await subgraph.query(RECORD, { input: deliveryInput({ campaignId }) }, service)).errors).toBeUndefined();
  });
});
