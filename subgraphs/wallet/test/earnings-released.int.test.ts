import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EarningsReleased } from '@gametriggers/events';
import type { ConsumerOptions, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { walletSubgraph } from '../src/index';
import { ADMIN, HOLD, actingAs, balanceOf, deposit, newId, newKey } from './factories';
import { walletWithoutJobs } from './factories';

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Pool;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the database drop that follows may reach them.
  sql.on('error', () => {});
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = walletSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

function released(data: Partial<EventData<typeof EarningsReleased>> & { brandId: string; streamerId: string }): EventEnvelope {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: '/subgraphs/campaign',
    type: EarningsReleased.type,
    dataversion: EarningsReleased.version,
    subject: data.participationId ?? randomUUID(),
    time: new Date().toISOString(),
    correlationid: id,
    datacontenttype: 'application/json',
    data: {
      releaseId: randomUUID(),
      campaignId: randomUUID(),
      participationId: randomUUID(),
      currency: 'USD',
      amountMinor: '2500',
      earningIds: [randomUUID(), randomUUID()],
      ...data,
    },
  };
}

async function fundedBrand(held: string) {
  const brandId = newId();
  await deposit(subgraph, brandId, '100.00');
  await subgraph.query(HOLD, { input: { brandId, amount: { amount: held, currency: 'USD' }, idempotencyKey: newKey('hold') } });
  return brandId;
}

describe('campaign.earnings.released', () => {
  it("pays the streamer from the brand's held budget less the platform fee, once per release", async () => {
    const [brandId, streamerId] = [await fundedBrand('50.00'), newId()];
    const event = released({ brandId, streamerId });
    await consumer.handle(event);
    await consumer.handle(event); // redelivered
    await consumer.handle({ ...event, id: randomUUID() }); // the same release in another event
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 2250, held: 0, total: 2250 });
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 5000, held: 2500, total: 7500 });
    const data = event.data as EventData<typeof EarningsReleased>;
    const { rows } = await sql.query(
      `SELECT t.kind, t."createdBy", o.envelope->'data' AS event FROM "LedgerTransaction" t JOIN "OutboxEvent" o ON o.subject = t.id::text
        WHERE t."idempotencyKey" = $1`,
      [`campaign-release:${data.releaseId}`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'EARNINGS', createdBy: 'SERVICE:campaign' });
    expect(rows[0].event).toMatchObject({ streamerId, brandId, campaignId: data.campaignId, amount: '25.00', fee: '2.50', net: '22.50' });
  });

  it('fails, writing nothing, when the held budget does not cover the release (the event is retried, then dead-lettered)', async () => {
    const [brandId, streamerId] = [await fundedBrand('10.00'), newId()];
    await expect(consumer.handle(released({ brandId, streamerId, amountMinor: '1001' }))).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_FUNDS' },
    });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 0, held: 0, total: 0 });
    expect(await balanceOf(subgraph, 'Brand', brandId)).toMatchObject({ held: 1000 });
  });
});
