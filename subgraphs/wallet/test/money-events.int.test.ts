import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepositSettled, EarningsCredited } from '@gametriggers/events';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { ADMIN, DEPOSIT, HOLD, actingAs, balanceOf, depositInput, newId, newKey } from './factories';
import { walletWithoutJobs } from './factories';

const EARNINGS = `mutation($input: CreditEarningsInput!) { creditEarnings(input: $input) { id } }`;

let subgraph: TestSubgraph;
let sql: pg.Pool;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the database drop that follows may reach them.
  sql.on('error', () => {});
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

const eventsAbout = async (subject: string) =>
  (await sql.query(`SELECT type, envelope FROM "OutboxEvent" WHERE subject = $1 ORDER BY sequence`, [subject])).rows;

describe('money events through the outbox', () => {
  it('writes DepositSettled and EarningsCredited with the money, once per idempotent movement', async () => {
    const [brandId, streamerId, campaignId] = [newId(), newId(), newId()];
    const input = depositInput({ brandId, amount: { amount: '100.00', currency: 'USD' }, reference: 'pi_42' });
    const deposit = await subgraph.query(DEPOSIT, { input });
    await subgraph.query(DEPOSIT, { input }); // a retry: no second event
    const depositId = deposit.data!['depositFunds'].id;
    const [settled, ...more] = await eventsAbout(depositId);
    expect(more).toEqual([]);
    expect(settled.type).toBe('wallet.deposit.settled');
    expect(DepositSettled.schema.parse(settled.envelope.data)).toEqual({
      transactionId: depositId,
      brandId,
      amount: '100.00',
      currency: 'USD',
      reference: 'pi_42',
    });

    await subgraph.query(HOLD, { input: { brandId, amount: { amount: '50.00', currency: 'USD' }, idempotencyKey: newKey('hold') } });
    const earnings = await subgraph.query(EARNINGS, {
      input: {
        brandId,
        streamerId,
        campaignId,
        amount: { amount: '10.00', currency: 'USD' },
        feeBasisPoints: 1000,
        idempotencyKey: newKey('earn'),
        description: 'Delivery',
      },
    });
    const [credited] = await eventsAbout(earnings.data!['creditEarnings'].id);
    expect(EarningsCredited.schema.parse(credited.envelope.data)).toMatchObject({
      brandId,
      streamerId,
      campaignId,
      amount: '10.00',
      fee: '1.00',
      net: '9.00',
    });
  });

  it('writes neither the money nor the event when the transaction rolls back', async () => {
    const brandId = newId();
    await sql.query('ALTER TABLE "OutboxEvent" ADD CONSTRAINT "refuse_every_event" CHECK (false) NOT VALID');
    try {
      const failed = await subgraph.query(DEPOSIT, { input: depositInput({ brandId }) });
      expect(failed.errors![0]!.extensions!['code']).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql.query('ALTER TABLE "OutboxEvent" DROP CONSTRAINT "refuse_every_event"');
    }
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 0, held: 0, total: 0 });
    const events = await sql.query(`SELECT 1 FROM "OutboxEvent" WHERE envelope->'data'->>'brandId' = $1`, [brandId]);
    expect(events.rowCount).toBe(0);
  });
});
