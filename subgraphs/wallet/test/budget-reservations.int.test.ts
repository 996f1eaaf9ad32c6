import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetReleaseRequested, BudgetReservationRequested, EarningsReleased } from '@gametriggers/events';
import type { ConsumerOptions, EventContract, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { walletSubgraph } from '../src/index';
import { ADMIN, actingAs, balanceOf, deposit, newId } from './factories';
import { walletWithoutJobs } from './factories';

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Pool;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 4 });
  sql.on('error', () => {});
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = walletSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

/** An event of the campaign subgraph, as its outbox relay delivers it. */
function campaignEvent<T extends EventContract>(contract: T, subject: string, data: EventData<T>): EventEnvelope {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: '/subgraphs/campaign',
    type: contract.type,
    dataversion: contract.version,
    subject,
    time: new Date().toISOString(),
    correlationid: id,
    datacontenttype: 'application/json',
    data,
  };
}

const reserve = (brandId: string, campaignId: string, amountMinor: string, currency = 'USD') =>
  campaignEvent(BudgetReservationRequested, campaignId, { reservationId: randomUUID(), campaignId, brandId, currency, amountMinor });

const release = (request: EventEnvelope, spentMinor: string, status: 'COMPLETED' | 'CANCELLED' | 'REJECTED' | 'DRAFT' = 'COMPLETED') => {
  const { reservationId, campaignId, brandId, currency } = request.data as EventData<typeof BudgetReservationRequested>;
  return campaignEvent(BudgetReleaseRequested, campaignId, { reservationId, campaignId, brandId, currency, spentMinor, status });
};

const earnings = (request: EventEnvelope, amountMinor: string) => {
  const { campaignId, brandId, currency } = request.data as EventData<typeof BudgetReservationRequested>;
  return campaignEvent(EarningsReleased, randomUUID(), {
    releaseId: randomUUID(),
    campaignId,
    participationId: randomUUID(),
    streamerId: newId(),
    brandId,
    currency,
    amountMinor,
    earningIds: [randomUUID()],
  });
};

async function reservation(request: EventEnvelope) {
  const { reservationId } = request.data as EventData<typeof BudgetReservationRequested>;
  const { rows } = await sql.query(
    `SELECT "status"::text, "amountMinor"::int AS "amount", "creditedMinor"::int AS "credited", "releasedMinor"::int AS "released", "failureReason"
       FROM "BudgetReservation" WHERE "id" = $1`,
    [reservationId],
  );
  return rows[0];
}

/** The wallet's budget events about a campaign, oldest first. */
async function walletEvents(campaignId: string) {
  const { rows } = await sql.query(
    `SELECT "type", "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "subject" = $1 AND "type" LIKE 'wallet.budget.%' ORDER BY "sequence"`,
    [campaignId],
  );
  return rows as { type: string; data: Record<string, unknown> }[];
}

async function fundedBrand(amount: string) {
  const brandId = newId();
  await deposit(subgraph, brandId, amount);
  return brandId;
}

describe('campaign budget reservations', () => {
  it("holds a submitted campaign's budget once, however often the request is delivered", async () => {
    const brandId = await fundedBrand('1000.00');
    const campaignId = randomUUID();
    const request = reserve(brandId, campaignId, '60000');
    await consumer.handle(request);
    await consumer.handle(request);
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 40000, held: 60000, total: 100000 });
    expect(await reservation(request)).toMatchObject({ status: 'RESERVED', amount: 60000, credited: 0, released: 0 });
    const events = await walletEvents(campaignId);
    expect(events).toEqual([
      {
        type: 'wallet.budget.reserved',
        data: expect.objectContaining({ campaignId, brandId, amount: '600.00', currency: 'USD', transactionId: expect.any(String) }),
      },
    ]);
  });

  it('refuses a budget the brand cannot cover: nothing is held, the campaign is told why', async () => {
    const brandId = await fundedBrand('400.00');
    const campaignId = randomUUID();
    const request = reserve(brandId, campaignId, '60000');
    await consumer.handle(request);
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 40000, held: 0, total: 40000 });
    expect(await reservation(request)).toMatchObject({ status: 'FAILED', failureReason: expect.stringContaining('400.00 USD available') });
    expect(await walletEvents(campaignId)).toEqual([
      {
        type: 'wallet.budget.reservation-failed',
        data: expect.objectContaining({ reason: 'INSUFFICIENT_FUNDS', required: '600.00', available: '400.00', currency: 'USD' }),
      },
    ]);
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM "LedgerTransaction" WHERE "idempotencyKey" LIKE 'campaign-budget:%' AND "description" LIKE $1`,
      [`%${campaignId}%`],
    );
    expect(rows[0].n).toBe(0);

    const other = randomUUID();
    await consumer.handle(reserve(brandId, other, '100', 'XTS'));
    expect(await walletEvents(other)).toEqual([
      { type: 'wallet.budget.reservation-failed', data: expect.objectContaining({ reason: 'UNSUPPORTED_CURRENCY', available: null }) },
    ]);
  });

  it('pays earnings out of the reservation and gives back only what the campaign will never spend', async () => {
    const brandId = await fundedBrand('1000.00');
    const campaignId = randomUUID();
    const request = reserve(brandId, campaignId, '60000');
    await consumer.handle(request);
    await consumer.handle(earnings(request, '10000'));
    // Completed having charged 250.00: 100.00 paid out, 150.00 still in review.
    await consumer.handle(release(request, '25000'));
    expect(await reservation(request)).toMatchObject({ status: 'RELEASED', credited: 10000, released: 35000 });
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 75000, held: 15000, total: 90000 });
    expect((await walletEvents(campaignId)).at(-1)).toEqual({
      type: 'wallet.budget.released',
      data: expect.objectContaining({ amount: '350.00', stillHeld: '150.00' }),
    });
    // The earnings still in review are paid when released; more than the campaign holds is refused.
    await consumer.handle(earnings(request, '15000'));
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 75000, held: 0, total: 75000 });
    await expect(consumer.handle(earnings(request, '1'))).rejects.toThrow(/holds 0 minor units, less than 1/);
    // A second release request (redelivered under another id) gives nothing back twice.
    await consumer.handle(release(request, '25000'));
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 75000, held: 0, total: 75000 });
  });

  it('releases the whole reservation of a campaign withdrawn before it spent anything; a refused one releases nothing', async () => {
    const brandId = await fundedBrand('500.00');
    const held = reserve(brandId, randomUUID(), '30000');
    const refused = reserve(brandId, randomUUID(), '30000');
    await consumer.handle(held);
    await consumer.handle(refused);
    await consumer.handle(release(held, '0', 'DRAFT'));
    await consumer.handle(release(refused, '0', 'REJECTED'));
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 50000, held: 0, total: 50000 });
    expect(await reservation(refused)).toMatchObject({ status: 'FAILED', released: 0 });
  });

  it('never holds more than the brand has when many campaigns are submitted at once', async () => {
    const brandId = await fundedBrand('1000.00');
    const requests = Array.from({ length: 24 }, () => reserve(brandId, randomUUID(), '10000'));
    await Promise.all(requests.map((request) => consumer.handle(request)));
    await Promise.all(requests.map((request) => consumer.handle(request))); // every one redelivered
    const statuses = await Promise.all(requests.map(async (request) => (await reservation(request)).status));
    expect(statuses.filter((status) => status === 'RESERVED')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'FAILED')).toHaveLength(14);
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 0, held: 100000, total: 100000 });
  });

  it('refuses, in the database, a reservation paying out or releasing more than it holds', async () => {
    const brandId = await fundedBrand('100.00');
    const request = reserve(brandId, randomUUID(), '5000');
    await consumer.handle(request);
    const { reservationId } = request.data as EventData<typeof BudgetReservationRequested>;
    await expect(sql.query(`UPDATE "BudgetReservation" SET "creditedMinor" = 5001 WHERE "id" = $1`, [reservationId])).rejects.toThrow(
      /BudgetReservation_amounts/,
    );
    await expect(sql.query(`UPDATE "BudgetReservation" SET "amountMinor" = 1 WHERE "id" = $1`, [reservationId])).rejects.toThrow(
      /may only pay out and release more/,
    );
    await expect(sql.query(`DELETE FROM "BudgetReservation" WHERE "id" = $1`, [reservationId])).rejects.toThrow(/never deleted/);
  });

  it("shows a campaign's reservations to its brand and admins, newest first, and to no one else", async () => {
    const brandId = await fundedBrand('100.00');
    const campaignId = randomUUID();
    const refused = reserve(brandId, campaignId, '20000');
    await consumer.handle(refused);
    const held = reserve(brandId, campaignId, '6000');
    await consumer.handle(held);
    await consumer.handle(earnings(held, '1000'));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Campaign { budgetReservations {
      id status amount { amount } paidOut { amount } released { amount } remaining { amount currency } failureReason
      holdTransaction { kind } releaseTransaction { id } } } } }`;
    // The router brings the campaign's brand (@requires), as the campaign subgraph has it.
    const variables = { r: [{ __typename: 'Campaign', id: campaignId, brand: { id: brandId } }] };
    const as = (kind: 'BRAND' | 'STREAMER', entityId: string) => ({ kind, entityId, accountId: randomUUID(), scopes: [] });
    const owner = await subgraph.query(query, variables, as('BRAND', brandId));
    expect(owner.errors).toBeUndefined();
    expect(owner.data!['_entities'][0].budgetReservations).toEqual([
      {
        id: (held.data as { reservationId: string }).reservationId,
        status: 'RESERVED',
        amount: { amount: '60.00' },
        paidOut: { amount: '10.00' },
        released: { amount: '0.00' },
        remaining: { amount: '50.00', currency: 'USD' },
        failureReason: null,
        holdTransaction: { kind: 'HOLD' },
        releaseTransaction: null,
      },
      expect.objectContaining({ status: 'FAILED', remaining: { amount: '0.00', currency: 'USD' }, holdTransaction: null }),
    ]);
    expect((await subgraph.query(query, variables)).data!['_entities'][0].budgetReservations).toHaveLength(2); // the admin
    for (const viewer of [as('BRAND', newId()), as('STREAMER', newId())]) {
      const result = await subgraph.query(query, variables, viewer);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain('60.00');
    }
  });
});
