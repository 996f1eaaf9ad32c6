import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { analyticsSubgraph } from '../src/index';
import { COUNTERS, recordDelivery } from './factories';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(analyticsSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

const record = (overrides: Record<string, unknown>) => recordDelivery(subgraph, overrides);

describe('buckets', () => {
  const BUCKETS = `query($id: ID!, $granularity: CampaignMetricsGranularity!, $from: DateTime!, $to: DateTime!, $streamerId: ID) {
    campaignMetrics(campaignId: $id) {
      buckets(granularity: $granularity, from: $from, to: $to, streamerId: $streamerId) { bucketStart ${COUNTERS} }
    }
  }`;

  const campaignId = randomUUID();
  const kira = randomUUID();
  const luna = randomUUID();
  beforeAll(async () => {
    await record({
      campaignId,
      streamerId: kira,
      occurredAt: '2025-03-10T10:05:00Z',
      impressions: 100,
      clicks: 10,
      spend: { amount: '1', currency: 'USD' },
    });
    await record({
      campaignId,
      streamerId: kira,
      occurredAt: '2025-03-10T10:59:59.999Z',
      impressions: 200,
      clicks: 2,
      spend: { amount: '2', currency: 'USD' },
    });
    await record({
      campaignId,
      streamerId: luna,
      occurredAt: '2025-03-10T10:30:00Z',
      impressions: 50,
      clicks: 0,
      spend: { amount: '0.5', currency: 'USD' },
    });
    await record({
      campaignId,
      streamerId: null,
      occurredAt: '2025-03-10T23:00:00Z',
      impressions: 7,
      clicks: 0,
      spend: { amount: '0', currency: 'USD' },
    });
    await record({
      campaignId,
      streamerId: kira,
      occurredAt: '2025-03-11T00:00:00Z',
      impressions: 1000,
      clicks: 1,
      spend: { amount: '10', currency: 'USD' },
    });
  });

  const query = async (variables: Record<string, unknown>) => {
    const result = await subgraph.query(BUCKETS, { id: campaignId, ...variables });
    return result;
  };

  it('sums hourly buckets over all streamers, oldest first, within [from, to)', async () => {
    const result = await query({ granularity: 'HOUR', from: '2025-03-10T00:00:00Z', to: '2025-03-11T00:00:00Z' });
    expect(result.errors).toBeUndefined();
    expect(
      result.data!['campaignMetrics'].buckets.map((bucket: any) => [bucket.bucketStart, bucket.impressions, bucket.spend.amount]),
    ).toEqual([
      ['2025-03-10T10:00:00.000Z', 350, '3.50'],
      ['2025-03-10T23:00:00.000Z', 7, '0.00'],
    ]);
  });

  it('sums daily buckets (UTC days), and filters by streamer', async () => {
    const daily = await query({ granularity: 'DAY', from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' });
    expect(daily.data!['campaignMetrics'].buckets.map((bucket: any) => [bucket.bucketStart, bucket.impressions, bucket.clicks])).toEqual([
      ['2025-03-10T00:00:00.000Z', 357, 12],
      ['2025-03-11T00:00:00.000Z', 1000, 1],
    ]);
    const kiraOnly = await query({ granularity: 'DAY', from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z', streamerId: kira });
    expect(kiraOnly.data!['campaignMetrics'].buckets.map((bucket: any) => [bucket.bucketStart, bucket.impressions, bucket.ctr])).toEqual([
      ['2025-03-10T00:00:00.000Z', 300, 0.04],
      ['2025-03-11T00:00:00.000Z', 1000, 0.001],
    ]);
  });

  it('gives totals per streamer', async () => {
    const result = await subgraph.query(
      `query($id: ID!) { campaignMetrics(campaignId: $id) { impressions byStreamer { streamer { id } impressions spend { amount } } } }`,
      { id: campaignId },
    );
    expect(result.data!['campaignMetrics']).toEqual({
      impressions: 1357,
      byStreamer: [
        { streamer: { id: kira }, impressions: 1300, spend: { amount: '13.00' } },
        { streamer: { id: luna }, impressions: 50, spend: { amount: '0.50' } },
      ],
    });
  });

  it('rejects a range that is empty, reversed or longer than 366 days, naming the field', async () => {
    for (const [from, to] of [
      ['2025-03-10T00:00:00Z', '2025-03-10T00:00:00Z'],
      ['2025-03-11T00:00:00Z', '2025-03-10T00:00:00Z'],
      ['2024-01-01T00:00:00Z', '2025-01-02T00:00:00Z'],
    ]) {
      const result = await query({ granularity: 'DAY', from, to });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    }
    const ok = await query({ granularity: 'DAY', from: '2024-03-10T00:00:00Z', to: '2025-03-11T00:00:00Z' });
    expect(ok.errors).toBeUndefined();
    const badStreamer = await query({ granularity: 'DAY', from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z', streamerId: 'kira' });
    expect(badStreamer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streamerId' });
  });
});

describe('federation', () => {
  it('resolves CampaignMetrics entities by campaignId, zeros for campaigns without deliveries', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const none = randomUUID();
    await record({ campaignId: a, impressions: 10 });
    await record({ campaignId: b, impressions: 20 });
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CampaignMetrics { campaignId impressions campaign { id } } } }`,
      {
        representations: [
          { __typename: 'CampaignMetrics', campaignId: b },
          { __typename: 'CampaignMetrics', campaignId: none },
          { __typename: 'CampaignMetrics', campaignId: a },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['_entities']).toEqual([
      { campaignId: b, impressions: 20, campaign: { id: b } },
      { campaignId: none, impressions: 0, campaign: { id: none } },
      { campaignId: a, impressions: 10, campaign: { id: a } },
    ]);
  });

  it('adds Campaign.metrics for many campaigns at once', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const streamerId = randomUUID();
    await record({ campaignId: ids[0], streamerId, impressions: 100, spend: { amount: '1.00', currency: 'GBP' } });
    await record({ campaignId: ids[2], streamerId, impressions: 300, spend: { amount: '3.00', currency: 'EUR' } });
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Campaign { id metrics { impressions spend { amount currency } byStreamer { streamer { id } impressions } } } } }`,
      { representations: [...ids, 'not-a-uuid'].map((id) => ({ __typename: 'Campaign', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['_entities']).toEqual([
      {
        id: ids[0],
        metrics: {
          impressions: 100,
          spend: { amount: '1.00', currency: 'GBP' },
          byStreamer: [{ streamer: { id: streamerId }, impressions: 100 }],
        },
      },
      { id: ids[1], metrics: { impressions: 0, spend: null, byStreamer: [] } },
      {
        id: ids[2],
        metrics: {
          impressions: 300,
          spend: { amount: '3.00', currency: 'EUR' },
          byStreamer: [{ streamer: { id: streamerId }, impressions: 300 }],
        },
      },
      { id: 'not-a-uuid', metrics: { impressions: 0, spend: null, byStreamer: [] } },
    ]);
  });
});
