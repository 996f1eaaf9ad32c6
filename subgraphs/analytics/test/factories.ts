import { randomUUID } from 'node:crypto';
import type { TestSubgraph } from '@gametriggers/testkit';
import { expect } from 'vitest';

/** A valid RecordDeliveryMetricsInput for a fresh campaign; override any field. */
export function deliveryInput(overrides: Record<string, unknown> = {}) {
  return {
    campaignId: randomUUID(),
    streamerId: randomUUID(),
    occurredAt: '2025-03-10T10:15:00.000Z',
    impressions: 1000,
    clicks: 25,
    viewMinutes: 3000,
    conversions: 2,
    spend: { amount: '4.50', currency: 'USD' },
    idempotencyKey: `delivery-${randomUUID()}`,
    ...overrides,
  };
}

export const COUNTERS = `impressions clicks viewMinutes conversions ctr
  spend { amount amountMinor currency } effectiveCpm { amount amountMinor currency }`;

export const RECORD = `mutation Record($input: RecordDeliveryMetricsInput!) {
  recordDeliveryMetrics(input: $input) { campaignId ${COUNTERS} lastUpdatedAt }
}`;

export const METRICS = `query Metrics($campaignId: ID!) { campaignMetrics(campaignId: $campaignId) { campaignId ${COUNTERS} lastUpdatedAt } }`;

/** Records a delivery that must be accepted; returns the campaign's metrics after it. */
export async function recordDelivery(subgraph: TestSubgraph, overrides: Record<string, unknown>) {
  const result = await subgraph.query(RECORD, { input: deliveryInput(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!['recordDeliveryMetrics'];
}

/** A campaign's metrics, which must be readable. */
export async function readMetrics(subgraph: TestSubgraph, campaignId: string) {
  const result = await subgraph.query(METRICS, { campaignId });
  expect(result.errors).toBeUndefined();
  return result.data!['campaignMetrics'];
}
