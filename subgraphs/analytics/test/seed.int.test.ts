import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { analyticsSubgraph } from '../src/index';
import { createDb } from '../src/db';
import { seedDemo } from '../src/seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(analyticsSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

const DEMO = `query($representations: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $representations) {
  ... on Campaign { id metrics { impressions clicks viewMinutes spend { amountMinor currency } byStreamer { streamer { id } }
    buckets(granularity: DAY, from: $from, to: $to) { bucketStart } } } } }`;

describe('demo seed', () => {
  it('seeds three days of hourly metrics in each campaign currency, idempotently', async () => {
    const db = createDb(subgraph.databaseUrl);
    const read = async () => {
      const to = new Date(Date.now() + 3_600_000).toISOString();
      const from = new Date(Date.now() - 4 * 86_400_000).toISOString();
      const result = await subgraph.query(DEMO, {
        representations: Object.values(demoIds.campaigns).map((id) => ({ __typename: 'Campaign', id })),
        from,
        to,
      });
      expect(result.errors).toBeUndefined();
      return result.data!['_entities'] as any[];
    };
    try {
      await seedDemo(db);
      const first = await read();
      await seedDemo(db);
      const second = await read();
      expect(second).toEqual(first);

      const byId = new Map(first.map((campaign) => [campaign.id, campaign.metrics]));
      const { campaigns, streamers } = demoIds;
      expect(byId.get(campaigns.voltageSummer).spend.currency).toBe('USD');
      expect(byId.get(campaigns.nordwindRacing).spend.currency).toBe('GBP');
      // Campaigns not running yet (DRAFT, SCHEDULED) have no deliveries.
      expect(byId.get(campaigns.voltageNight)).toMatchObject({ impressions: 0, spend: null });
      expect(byId.get(campaigns.pixelforgeLaunch)).toMatchObject({ impressions: 0, spend: null });
      for (const metrics of [campaigns.voltageSummer, campaigns.nordwindRacing].map((id) => byId.get(id))) {
        expect(metrics.impressions).toBeGreaterThan(0);
        expect(metrics.clicks).toBeGreaterThan(0);
        expect(metrics.buckets.length).toBeGreaterThanOrEqual(3);
      }
      expect(
        byId
          .get(campaigns.voltageSummer)
          .byStreamer.map((row: any) => row.streamer.id)
          .sort(),
      ).toEqual([streamers.kiraplays, streamers.gridlock].sort());
    } finally {
      await db.$disconnect();
    }
  });
});
