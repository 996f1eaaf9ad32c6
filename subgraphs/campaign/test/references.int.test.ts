import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { createCountingDb, sqlLog } from './counting-db';
import { APPLY, TRANSITION, answerCheck, brandIds, campaignIn, knownStreamer } from './factories';

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Campaign { id name status brand { id } }
  ... on Participation { id participationStatus: status streamer { id } campaign { id } }
} }`;

const BRAND_CAMPAIGNS = `query($representations: [_Any!]!, $first: Int, $after: String, $status: CampaignStatus) {
  _entities(representations: $representations) {
    ... on Brand { id campaigns(first: $first, after: $after, status: $status) { nodes { id name status } pageInfo { endCursor hasNextPage } } }
  } }`;

const STREAMER_PARTICIPATIONS = `query($representations: [_Any!]!, $status: ParticipationStatus) {
  _entities(representations: $representations) {
    ... on Streamer { id participations(status: $status) { nodes { id status campaign { id name } } pageInfo { hasNextPage } } }
  } }`;

const CAMPAIGN_PARTICIPATIONS = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Campaign { id participations(first: 1) { nodes { id } pageInfo { hasNextPage } } } } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  // The same subgraph over a client that logs its SQL, so batching is measured, not assumed.
  subgraph = await startTestSubgraph({ ...campaignSubgraph, createDatabaseClient: createCountingDb }, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

/** The SQL statements one operation sends. */
async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  sqlLog.length = 0;
  const result = await run();
  return { result, queries: [...sqlLog] };
}

describe('entities and stand-in fields for the router', () => {
  it('resolves Campaign and Participation references in order, in one query per type, unknown ones as null', async () => {
    const campaign = await campaignIn(subgraph, 'APPROVED', { name: 'Referenced' });
    const other = await campaignIn(subgraph, 'DRAFT', { name: 'Other', brandId: brandIds.b });
    const streamer = await knownStreamer(subgraph);
    const participation = (await subgraph.query(APPLY, { campaignId: campaign, streamerId: streamer })).data!['applyToCampaign'].id;
    const { result, queries } = await countQueries(() =>
      subgraph.query(ENTITIES, {
        representations: [
          { __typename: 'Participation', id: participation },
          { __typename: 'Campaign', id: other },
          { __typename: 'Campaign', id: crypto.randomUUID() },
          { __typename: 'Campaign', id: campaign },
        ],
      }),
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!['_entities']).toEqual([
      { id: participation, participationStatus: 'APPLIED', streamer: { id: streamer }, campaign: { id: campaign } },
      { id: other, name: 'Other', status: 'DRAFT', brand: { id: brandIds.b } },
      null,
      { id: campaign, name: 'Referenced', status: 'APPROVED', brand: { id: brandIds.a } },
    ]);
    // Campaigns (incl. Participation.campaign, already loaded) in one query, participations in one.
    expect(queries).toHaveLength(2);
  });

  it('answers Brand.campaigns for many brands in a bounded number of queries', async () => {
    const brands = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const made: Record<string, string[]> = {};
    for (const [index, brandId] of brands.entries()) {
      made[brandId] = [];
      for (let i = 0; i <= index + 1; i += 1)
        made[brandId].push(await campaignIn(subgraph, i === 0 ? 'SUBMITTED' : 'DRAFT', { brandId, name: `B${index} C${i}` }));
    }
    const representations = [...brands, crypto.randomUUID()].map((id) => ({ __typename: 'Brand', id }));
    const { result, queries } = await countQueries(() => subgraph.query(BRAND_CAMPAIGNS, { representations, first: 2 }));
    expect(result.errors).toBeUndefined();
    const entities = result.data!['_entities'];
    expect(entities.map((brand: { id: string }) => brand.id)).toEqual(representations.map((representation) => representation.id));
    expect(entities[0].campaigns.nodes.map((node: { name: string }) => node.name)).toEqual(['B0 C1', 'B0 C0']);
    expect(entities[0].campaigns.pageInfo.hasNextPage).toBe(false);
    expect(entities[1].campaigns.nodes.map((node: { name: string }) => node.name)).toEqual(['B1 C2', 'B1 C1']);
    expect(entities[1].campaigns.pageInfo.hasNextPage).toBe(true);
    expect(entities[2].campaigns.nodes.map((node: { name: string }) => node.name)).toEqual(['B2 C3', 'B2 C2']);
    expect(entities[3].campaigns).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    // One query for the page ids of every brand (a LATERAL join over them) and one to load the rows.
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatch(/WITH ORDINALITY[\s\S]*CROSS JOIN LATERAL[\s\S]*"brandId"/);

    // Ten brands cost the same as three.
    const many = [...brands, ...Array.from({ length: 7 }, () => crypto.randomUUID())].map((id) => ({ __typename: 'Brand', id }));
    expect((await countQueries(() => subgraph.query(BRAND_CAMPAIGNS, { representations: many }))).queries).toHaveLength(2);

    // The next page of one brand, and a status filter across brands.
    const cursor = entities[2].campaigns.pageInfo.endCursor;
    const next = await subgraph.query(BRAND_CAMPAIGNS, {
      representations: [{ __typename: 'Brand', id: brands[2] }],
      first: 2,
      after: cursor,
    });
    expect(next.data!['_entities'][0].campaigns.nodes.map((node: { name: string }) => node.name)).toEqual(['B2 C1', 'B2 C0']);
    // Pages with different cursors in one batch (two aliases) still share one query for their ids.
    const twoPages = await countQueries(() =>
      subgraph.query(
        `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) { ... on Brand {
          start: campaigns(first: 2) { nodes { name } } rest: campaigns(first: 2, after: $after) { nodes { name } } } } }`,
        { representations: [{ __typename: 'Brand', id: brands[2] }], after: cursor },
      ),
    );
    expect(twoPages.result.data!['_entities'][0]).toEqual({
      start: { nodes: [{ name: 'B2 C3' }, { name: 'B2 C2' }] },
      rest: { nodes: [{ name: 'B2 C1' }, { name: 'B2 C0' }] },
    });
    expect(twoPages.queries).toHaveLength(2);
    const submitted = await subgraph.query(BRAND_CAMPAIGNS, { representations: representations.slice(0, 3), status: 'SUBMITTED' });
    expect(submitted.data!['_entities'].map((brand: any) => brand.campaigns.nodes.map((node: { name: string }) => node.name))).toEqual([
      ['B0 C0'],
      ['B1 C0'],
      ['B2 C0'],
    ]);
  });

  it('answers Streamer.participations for many streamers in a bounded number of queries', async () => {
    const campaigns = [await campaignIn(subgraph, 'ACTIVE', { name: 'S1' }), await campaignIn(subgraph, 'SCHEDULED', { name: 'S2' })];
    const streamers = [await knownStreamer(subgraph), await knownStreamer(subgraph), await knownStreamer(subgraph)];
    const byStreamer: Record<string, string[]> = {};
    for (const streamer of streamers.slice(0, 2)) {
      byStreamer[streamer] = [];
      for (const campaignId of campaigns) {
        byStreamer[streamer].push((await subgraph.query(APPLY, { campaignId, streamerId: streamer })).data!['applyToCampaign'].id);
      }
    }
    await answerCheck(subgraph, byStreamer[streamers[0]!]![0]!);
    await subgraph.query(`mutation($id: ID!) { decideParticipation(id: $id, accept: true) { id } }`, { id: byStreamer[streamers[0]!]![0] });
    const representations = streamers.map((id) => ({ __typename: 'Streamer', id }));
    const { result, queries } = await countQueries(() => subgraph.query(STREAMER_PARTICIPATIONS, { representations }));
    expect(result.errors).toBeUndefined();
    const [first, second, third] = result.data!['_entities'];
    expect(first.participations.nodes.map((node: any) => [node.status, node.campaign.name])).toEqual([
      ['APPLIED', 'S2'],
      ['ACCEPTED', 'S1'],
    ]);
    expect(second.participations.nodes).toHaveLength(2);
    expect(third.participations.nodes).toEqual([]);
    // Page ids, participations, then their campaigns: three queries for any number of streamers.
    expect(queries).toHaveLength(3);

    const accepted = await subgraph.query(STREAMER_PARTICIPATIONS, { representations, status: 'ACCEPTED' });
    expect(accepted.data!['_entities'].map((streamer: any) => streamer.participations.nodes.length)).toEqual([1, 0, 0]);
  });

  it('answers Campaign.participations on many campaigns in a bounded number of queries', async () => {
    const campaigns = [await campaignIn(subgraph, 'ACTIVE'), await campaignIn(subgraph, 'ACTIVE'), await campaignIn(subgraph, 'DRAFT')];
    for (const campaignId of campaigns.slice(0, 2)) {
      for (let i = 0; i < 2; i += 1) await subgraph.query(APPLY, { campaignId, streamerId: await knownStreamer(subgraph) });
    }
    await subgraph.query(TRANSITION, { id: campaigns[1], to: 'PAUSED' });
    const { result, queries } = await countQueries(() =>
      subgraph.query(CAMPAIGN_PARTICIPATIONS, { representations: campaigns.map((id) => ({ __typename: 'Campaign', id })) }),
    );
    expect(result.errors).toBeUndefined();
    expect(
      result.data!['_entities'].map((campaign: any) => [
        campaign.participations.nodes.length,
        campaign.participations.pageInfo.hasNextPage,
      ]),
    ).toEqual([
      [1, true],
      [1, true],
      [0, false],
    ]);
    // Campaigns, page ids, participations.
    expect(queries).toHaveLength(3);
  });
});
