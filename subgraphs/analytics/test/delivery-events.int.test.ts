import { DeliveryRecorded, writeEvent } from '@gametriggers/events';
import type { EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { analyticsSubgraph } from '../src/index';
import { createDeliveryConsumer } from '../src/metrics/delivery.consumer';

const METRICS = `query($id: ID!) { campaignMetrics(campaignId: $id) { impressions clicks viewMinutes conversions spend { amountMinor currency } } }`;

let subgraph: TestSubgraph;
let db: Db;
const published: string[] = [];
beforeAll(async () => {
  subgraph = await startTestSubgraph(analyticsSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

/** An event as the campaign subgraph's outbox writes it. */
const delivered = (data: Partial<EventData<typeof DeliveryRecorded>> & { campaignId: string }): Promise<EventEnvelope> =>
  writeEvent({ $executeRawUnsafe: async () => 1 }, DeliveryRecorded, {
    subject: data.campaignId,
    data: {
      deliveryId: crypto.randomUUID(),
      participationId: crypto.randomUUID(),
      streamerId: '01930000-0000-7000-8000-0000000000c1',
      brandId: '01930000-0000-7000-8000-0000000000b1',
      kind: 'VIEWER_SAMPLE',
      quantity: 800,
      status: 'PAID',
      costMinor: '1000',
      currency: 'USD',
      occurredAt: new Date().toISOString(),
      ...data,
    },
  });

describe('deliveries from the campaign subgraph', () => {
  it('counts each delivery once into the campaign metrics, skips flagged ones, and tells live subscribers after the commit', async () => {
    const campaignId = crypto.randomUUID();
    const consumer = createDeliveryConsumer(db, {
      logger: silentLogger,
      publish: async (topic) => {
        published.push(topic);
      },
    });
    const sampleEvent = await delivered({ campaignId });
    const events = [
      sampleEvent,
      sampleEvent, // redelivered
      await delivered({ campaignId, kind: 'CLICK', quantity: 1, costMinor: '40' }),
      await delivered({ campaignId, kind: 'CONVERSION', quantity: 1, costMinor: '500', status: 'CAPPED' }),
      await delivered({ campaignId, kind: 'VIEWER_SAMPLE', quantity: 999_999, costMinor: '0', status: 'FLAGGED' }),
    ];
    await Promise.all(events.map((envelope) => consumer.handle(envelope)));
    const metrics = (await subgraph.query(METRICS, { id: campaignId })).data!['campaignMetrics'];
    expect(metrics).toEqual({ impressions: 1, clicks: 1, viewMinutes: 800, conversions: 1, spend: { amountMinor: 1540, currency: 'USD' } });
    expect(published.filter((topic) => topic.includes(campaignId))).toHaveLength(3);
  });
});
