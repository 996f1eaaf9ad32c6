import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { topics } from '@gametriggers/pubsub';
import { analyticsSubgraph } from '../src/index';
import { METRICS, RECORD, deliveryInput, readMetrics, recordDelivery } from './factories';

let subgraph: TestSubgraph;
const published: { topic: string; payload: unknown }[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(analyticsSubgraph, {
    viewer: testAdmin,
    publish: async (topic, payload) => {
      published.push({ topic, payload });
    },
  });
});
afterAll(async () => {
  await subgraph?.stop();
});
beforeEach(() => {
  published.length = 0;
});

const record = (overrides: Record<string, unknown>) => recordDelivery(subgraph, overrides);
const metrics = (campaignId: string) => readMetrics(subgraph, campaignId);

describe('recording delivery metrics', () => {
  it('adds deliveries up into exact totals, ctr and effective CPM', async () => {
    const campaignId = randomUUID();
    await record({
      campaignId,
      impressions: 1000,
      clicks: 30,
      viewMinutes: 2000,
      conversions: 3,
      spend: { amount: '10.00', currency: 'USD' },
    });
    const after = await record({
      campaignId,
      streamerId: randomUUID(),
      impressions: 500,
      clicks: 15,
      viewMinutes: 1000,
      conversions: 1,
      spend: { amount: '0.01', currency: 'USD' },
    });
    expect(after).toMatchObject({
      campaignId,
      impressions: 1500,
      clicks: 45,
      viewMinutes: 3000,
      conversions: 4,
      ctr: 0.03,
      spend: { amount: '10.01', amountMinor: 1001, currency: 'USD' },
      // 1001 cents * 1000 / 3000 view-minutes = 333.67 -> 334 cents, rounded half up
      effectiveCpm: { amount: '3.34', amountMinor: 334, currency: 'USD' },
    });
    expect(new Date(after.lastUpdatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await metrics(campaignId)).toEqual(after);
  });

  it('rounds the effective CPM half up, exactly', async () => {
    const campaignId = randomUUID();
    // 1 cent * 1000 / 2000 view-minutes = 0.5 cent -> 1 cent
    const half = await record({ campaignId, viewMinutes: 2000, spend: { amount: '0.01', currency: 'USD' } });
    expect(half.effectiveCpm).toEqual({ amount: '0.01', amountMinor: 1, currency: 'USD' });
    // 1 cent * 1000 / 2001 view-minutes = 0.49975 cent -> 0 cents
    const below = await record({ campaignId: randomUUID(), viewMinutes: 2001, spend: { amount: '0.01', currency: 'USD' } });
    expect(below.effectiveCpm).toEqual({ amount: '0.00', amountMinor: 0, currency: 'USD' });
    const noViews = await record({ campaignId: randomUUID(), impressions: 0, clicks: 0, viewMinutes: 0 });
    expect(noViews).toMatchObject({ ctr: null, effectiveCpm: null, spend: { amount: '4.50' } });
  });

  it('answers zeros for a campaign without deliveries, and BAD_USER_INPUT for an id that is no UUID', async () => {
    const campaignId = randomUUID();
    expect(await metrics(campaignId)).toEqual({
      campaignId,
      impressions: 0,
      clicks: 0,
      viewMinutes: 0,
      conversions: 0,
      ctr: null,
      spend: null,
      effectiveCpm: null,
      lastUpdatedAt: null,
    });
    const bad = await subgraph.query(METRICS, { campaignId: 'campaign-1' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
  });

  it('counts a retried delivery once, and refuses a reused key for a different delivery', async () => {
    const input = deliveryInput();
    const first = await subgraph.query(RECORD, { input });
    const retry = await subgraph.query(RECORD, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!['recordDeliveryMetrics']).toEqual(first.data!['recordDeliveryMetrics']);
    expect((await metrics(input.campaignId)).impressions).toBe(1000);

    const reused = await subgraph.query(RECORD, { input: { ...input, impressions: 7 } });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    expect((await metrics(input.campaignId)).impressions).toBe(1000);
  });

  it('adds up 50 concurrent deliveries on one bucket exactly, and a concurrent retry once', async () => {
    const campaignId = randomUUID();
    const streamerId = randomUUID();
    const inputs = Array.from({ length: 50 }, (_, i) =>
      deliveryInput({
        campaignId,
        streamerId,
        impressions: i + 1,
        clicks: 1,
        viewMinutes: 10,
        conversions: 0,
        spend: { amount: '0.03', currency: 'USD' },
      }),
    );
    const retried = inputs[0]!;
    const results = await Promise.all([...inputs, retried, retried].map((input) => subgraph.query(RECORD, { input })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(await metrics(campaignId)).toMatchObject({
      impressions: (50 * 51) / 2,
      clicks: 50,
      viewMinutes: 500,
      spend: { amountMinor: 150, currency: 'USD' },
    });
    const buckets = await subgraph.query(
      `query($id: ID!) { campaignMetrics(campaignId: $id) { buckets(granularity: HOUR, from: "2025-03-10T00:00:00Z", to: "2025-03-11T00:00:00Z") { bucketStart impressions } } }`,
      { id: campaignId },
    );
    expect(buckets.data!['campaignMetrics'].buckets).toEqual([{ bucketStart: '2025-03-10T10:00:00.000Z', impressions: 1275 }]);
    expect(published.filter((event) => event.topic === topics.campaignMetricsUpdated(campaignId))).toHaveLength(50);
  });
});

describe('validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a negative counter', { impressions: -1 }, 'input.impressions'],
    ['negative view-minutes', { viewMinutes: -5 }, 'input.viewMinutes'],
    ['a campaign id that is no UUID', { campaignId: 'summer' }, 'input.campaignId'],
    ['a streamer id that is no UUID', { streamerId: 'kira' }, 'input.streamerId'],
    ['an occurrence in the future', { occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }, 'input.occurredAt'],
    ['too many decimals', { spend: { amount: '1.001', currency: 'USD' } }, 'input.spend.amount'],
    ['a negative amount', { spend: { amount: '-1.00', currency: 'USD' } }, 'input.spend.amount'],
    ['an unknown currency', { spend: { amount: '1.00', currency: 'XYZ' } }, 'input.spend.currency'],
    ['a malformed currency', { spend: { amount: '1.00', currency: 'usd' } }, 'input.spend.currency'],
    ['an empty idempotency key', { idempotencyKey: '' }, 'input.idempotencyKey'],
  ];
  it.each(cases)('rejects %s naming the field, and records nothing', async (_name, overrides, field) => {
    const input = deliveryInput(overrides);
    const result = await subgraph.query(RECORD, { input });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    if (field !== 'input.campaignId') expect((await metrics(input.campaignId)).impressions).toBe(0);
    expect(published).toEqual([]);
  });

  it('accepts a delivery up to 5 minutes in the future (clock skew)', async () => {
    await record({ occurredAt: new Date(Date.now() + 4 * 60_000).toISOString() });
  });

  it('keeps a campaign in the currency of its first delivery, and the rejected key stays usable', async () => {
    const campaignId = randomUUID();
    await record({ campaignId, spend: { amount: '1.00', currency: 'EUR' } });
    const input = deliveryInput({ campaignId, spend: { amount: '1.00', currency: 'USD' } });
    const mismatch = await subgraph.query(RECORD, { input });
    expect(mismatch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.spend.currency' });
    expect(await metrics(campaignId)).toMatchObject({ impressions: 1000, spend: { amount: '1.00', currency: 'EUR' } });

    // The failed attempt left no batch row behind: the same key, corrected, is recorded.
    await record({ ...input, spend: { amount: '1.00', currency: 'EUR' } });
    expect((await metrics(campaignId)).spend).toEqual({ amount: '2.00', amountMinor: 200, currency: 'EUR' });
  });

  it('lets only one currency win when first deliveries race', async () => {
    const campaignId = randomUUID();
    const currencies = ['USD', 'EUR', 'GBP', 'USD', 'EUR', 'GBP'];
    const results = await Promise.all(
      currencies.map((currency) => subgraph.query(RECORD, { input: deliveryInput({ campaignId, spend: { amount: '1.00', currency } }) })),
    );
    const accepted = results.filter((result) => !result.errors).map((result) => result.data!['recordDeliveryMetrics'].spend.currency);
    expect(new Set(accepted).size).toBe(1);
    expect(accepted).toHaveLength(2);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.['field'] === 'input.spend.currency')).toHaveLength(4);
  });
});

describe('live events', () => {
  it('publishes once per recorded delivery, after it, and not for a failed or duplicate one', async () => {
    const campaignId = randomUUID();
    const input = deliveryInput({ campaignId });
    await subgraph.query(RECORD, { input });
    expect(published).toEqual([{ topic: topics.campaignMetricsUpdated(campaignId), payload: { campaignId } }]);

    await subgraph.query(RECORD, { input }); // retry
    await subgraph.query(RECORD, { input: deliveryInput({ campaignId, clicks: -1 }) }); // invalid
    await subgraph.query(RECORD, { input: deliveryInput({ campaignId, spend: { amount: '1', currency: 'GBP' } }) }); // currency
    expect(published).toHaveLength(1);

    await record({ campaignId });
    expect(published.map((event) => event.topic)).toEqual([
      topics.campaignMetricsUpdated(campaignId),
      topics.campaignMetricsUpdated(campaignId),
    ]);
  });

  it('declares the campaignMetricsUpdated subscription in the SDL', async () => {
    const { sdl, schema } = await analyticsSubgraph.buildSchema();
    expect(sdl).toContain('type Subscription {');
    expect(sdl).toMatch(/graphql-ws[\s\S]*campaignMetricsUpdated\(campaignId: ID!\): CampaignMetrics\n/);
    expect(schema.getSubscriptionType()?.getFields()['campaignMetricsUpdated']).toBeDefined();
  });
});

describe('when publishing fails', () => {
  it('still records the delivery and answers with its metrics', async () => {
    const failing = await startTestSubgraph(analyticsSubgraph, {
      viewer: testAdmin,
      publish: async () => {
        throw new Error('pub/sub is down');
      },
    });
    try {
      const input = deliveryInput();
      const result = await failing.query(RECORD, { input });
      expect(result.errors).toBeUndefined();
      expect(result.data!['recordDeliveryMetrics']).toMatchObject({ campaignId: input.campaignId, impressions: 1000 });
    } finally {
      await failing.stop();
    }
  });
});
