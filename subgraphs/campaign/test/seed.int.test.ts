import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { createDb } from '../src/db';
import { seedDemo } from '../src/seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('demo seed', () => {
  it('runs twice without error and reads back through GraphQL', async () => {
    const db = createDb(subgraph.databaseUrl);
    try {
      expect(campaignSubgraph.seedDemo).toBe(seedDemo);
      await seedDemo(db);
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    const { campaigns, participations, brands, streamers } = demoIds;
    const summer = await subgraph.query(
      `query($id: ID!) { campaign(id: $id) { name status brand { id } pricing { model rate { amount currency } } spent { amount currency }
        participations { nodes { id status earnings { amount currency } streamer { id } } } } }`,
      { id: campaigns.voltageSummer },
    );
    expect(summer.errors).toBeUndefined();
    expect(summer.data!['campaign']).toMatchObject({
      status: 'ACTIVE',
      brand: { id: brands.voltage },
      pricing: { model: 'CPM', rate: { amount: '12.50', currency: 'USD' } },
      spent: { amount: '2230.50', currency: 'USD' },
    });
    expect(summer.data!['campaign'].participations.nodes).toEqual([
      {
        id: participations.gridlockVoltageSummer,
        status: 'ACCEPTED',
        earnings: { amount: '980.50', currency: 'USD' },
        streamer: { id: streamers.gridlock },
      },
      {
        id: participations.kiraVoltageSummer,
        status: 'ACCEPTED',
        earnings: { amount: '1250.00', currency: 'USD' },
        streamer: { id: streamers.kiraplays },
      },
    ]);

    const all = await subgraph.query(`{ campaigns { nodes { id status budget { currency } pricing { model } } } }`);
    expect(all.data!['campaigns'].nodes).toEqual([
      { id: campaigns.nordwindRacing, status: 'ACTIVE', budget: { currency: 'GBP' }, pricing: { model: 'FLAT_FEE' } },
      { id: campaigns.pixelforgeLaunch, status: 'SCHEDULED', budget: { currency: 'EUR' }, pricing: { model: 'CPC' } },
      { id: campaigns.voltageNight, status: 'DRAFT', budget: { currency: 'USD' }, pricing: { model: 'CPC' } },
      { id: campaigns.voltageSummer, status: 'ACTIVE', budget: { currency: 'USD' }, pricing: { model: 'CPM' } },
    ]);

    const kira = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Streamer { participations { nodes { id status campaign { id } } } } } }`,
      { representations: [{ __typename: 'Streamer', id: streamers.kiraplays }] },
    );
    expect(kira.data!['_entities'][0].participations.nodes).toEqual([
      { id: participations.kiraPixelforge, status: 'ACCEPTED', campaign: { id: campaigns.pixelforgeLaunch } },
      { id: participations.kiraVoltageSummer, status: 'ACCEPTED', campaign: { id: campaigns.voltageSummer } },
    ]);
  });
});
