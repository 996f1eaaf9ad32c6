import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerOptions } from '@gametriggers/events';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { createWalletSubgraph } from '../src/index';
import { ADMIN, actingAs, adminViewer, balanceOf, newId, streamerViewer } from './factories';
import {
  ADD_METHOD,
  APPROVE,
  REJECT,
  REQUEST_WITHDRAWAL,
  WITHDRAWAL,
  kycDecided,
  readyStreamer,
  testWalletConfig,
  withdrawalInput,
} from './withdrawal-factories';

const definition = createWalletSubgraph(testWalletConfig());
let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Pool;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(definition), ADMIN);
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the database drop that follows may reach them.
  sql.on('error', () => {});
  consumer = definition.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;
const statusOf = async (id: string) => (await subgraph.query(WITHDRAWAL, { id })).data!['withdrawal'].status as string;
const eventsAbout = async (subject: string) =>
  (await sql.query(`SELECT type, envelope->'data' AS data FROM "OutboxEvent" WHERE subject = $1 ORDER BY sequence`, [subject])).rows;

describe('KYC gate', () => {
  it('refuses a withdrawal without an approved, unexpired KYC decision, learnt from kyc events', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer, { kyc: false });
    const request = () => subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '1.00') }, viewer);
    expect(codeOf(await request())).toEqual({ code: 'KYC_REQUIRED' });
    await consumer.handle(kycDecided(streamerId, 'REJECTED'));
    expect(codeOf(await request())).toEqual({ code: 'KYC_REQUIRED' });
    await consumer.handle(kycDecided(streamerId, 'APPROVED', new Date(Date.now() - 400 * 86_400_000), new Date(Date.now() - 1000)));
    expect(codeOf(await request())).toEqual({ code: 'KYC_REQUIRED' }); // older than the rejection: ignored
    const approval = kycDecided(streamerId, 'APPROVED');
    await consumer.handle(approval);
    await consumer.handle(approval); // redelivered: handled once
    expect((await request()).errors).toBeUndefined();
    expect((await sql.query(`SELECT count(*)::int AS n FROM "InboxEvent" WHERE "eventId" = $1`, [approval.id])).rows[0].n).toBe(1);
    // Held at once, paid out shortly after by the payout job.
    await expect
      .poll(() => balanceOf(subgraph, 'Streamer', streamerId), { timeout: 15_000, interval: 200 })
      .toMatchObject({ total: 19900 });
  });
});

describe('payouts through the sandbox provider', () => {
  it('auto-approves a small withdrawal, holds its money, and settles it PAID asynchronously with an event', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer);
    const result = await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '5.00') }, viewer);
    expect(result.errors).toBeUndefined();
    const requested = result.data!['requestWithdrawal'];
    expect(requested).toMatchObject({ status: 'APPROVED', requiresApproval: false, amount: { amount: '5.00', currency: 'USD' } });
    await expect.poll(() => statusOf(requested.id), { timeout: 15_000, interval: 200 }).toBe('PAID');
    const paid = (await subgraph.query(WITHDRAWAL, { id: requested.id })).data!['withdrawal'];
    expect(paid.history.map((step: { toStatus: string }) => step.toStatus)).toEqual(['REQUESTED', 'APPROVED', 'PROCESSING', 'PAID']);
    expect(paid.providerReference).toMatch(/^sbx_po_/);
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 19500, held: 0, total: 19500 });
    const events = await eventsAbout(requested.id);
    expect(events).toEqual([
      {
        type: 'wallet.withdrawal.paid',
        data: expect.objectContaining({ streamerId, amount: '5.00', method: 'BANK', providerReference: paid.providerReference }),
      },
    ]);
    const settlement = await sql.query(`SELECT status, "amountMinor"::int AS amount FROM "SandboxPayout" WHERE "withdrawalId" = $1`, [
      requested.id,
    ]);
    expect(settlement.rows).toEqual([{ status: 'PAID', amount: 500 }]);
  });

  it('returns the money when the provider fails the payout', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer, { details: 'GB29NWBK60161331920000' });
    const result = await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '4.00') }, viewer);
    const id = result.data!['requestWithdrawal'].id;
    await expect.poll(() => statusOf(id), { timeout: 15_000, interval: 200 }).toBe('FAILED');
    const failed = (await subgraph.query(WITHDRAWAL, { id })).data!['withdrawal'];
    expect(failed.failureReason).toMatch(/refused/);
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 20000, held: 0, total: 20000 });
    expect((await eventsAbout(id)).map((event) => [event.type, event.data.status])).toEqual([['wallet.withdrawal.failed', 'FAILED']]);
  });

  it('fails a payout the provider refuses at submission, returning the money', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer, { details: 'GB29NWBK60161331929999' });
    const id = (await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '4.00') }, viewer)).data![
      'requestWithdrawal'
    ].id;
    await expect.poll(() => statusOf(id), { timeout: 15_000, interval: 200 }).toBe('FAILED');
    const failed = (await subgraph.query(WITHDRAWAL, { id })).data!['withdrawal'];
    expect(failed).toMatchObject({ providerReference: null, failureReason: 'The provider does not pay out to this destination' });
    expect(failed.history.map((step: { toStatus: string }) => step.toStatus)).toEqual(['REQUESTED', 'APPROVED', 'PROCESSING', 'FAILED']);
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 20000, held: 0, total: 20000 });
    expect((await eventsAbout(id)).map((event) => event.type)).toEqual(['wallet.withdrawal.failed']);
  });
});

describe('approvals', () => {
  it('needs an admin other than the requester above the threshold, and records the decision', async () => {
    const { streamerId, methodId } = await readyStreamer(subgraph, consumer);
    const requester = adminViewer();
    const result = await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '20.00') }, requester);
    const requested = result.data!['requestWithdrawal'];
    expect(requested).toMatchObject({ status: 'PENDING_APPROVAL', requiresApproval: true, requestedBy: `ADMIN:${requester.accountId}` });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 18000, held: 2000, total: 20000 });

    const queue = await subgraph.query(`{ pendingWithdrawals(first: 100) { nodes { id } } }`);
    expect(queue.data!['pendingWithdrawals'].nodes.map((node: { id: string }) => node.id)).toContain(requested.id);

    expect(codeOf(await subgraph.query(APPROVE, { input: { withdrawalId: requested.id } }, requester))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(codeOf(await subgraph.query(APPROVE, { input: { withdrawalId: requested.id } }, streamerViewer(streamerId)))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const approver = adminViewer();
    const approved = await subgraph.query(APPROVE, { input: { withdrawalId: requested.id, note: 'checked' } }, approver);
    expect(approved.data!['approveWithdrawal']).toMatchObject({ status: 'APPROVED', decidedBy: `ADMIN:${approver.accountId}` });
    await expect.poll(() => statusOf(requested.id), { timeout: 15_000, interval: 200 }).toBe('PAID');
    const again = await subgraph.query(APPROVE, { input: { withdrawalId: requested.id } }, adminViewer());
    expect(codeOf(again)).toMatchObject({ code: 'INVALID_STATE', status: 'PAID' });

    const actions = await sql.query(`SELECT actor, action, "targetId" FROM "AdminAction" WHERE "targetId" = $1`, [requested.id]);
    expect(actions.rows).toEqual([{ actor: `ADMIN:${approver.accountId}`, action: 'withdrawal.approve', targetId: requested.id }]);
  });

  it('returns the held money on rejection, with the reason and an event', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer);
    const requested = (await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '30.00') }, viewer)).data![
      'requestWithdrawal'
    ];
    const noReason = await subgraph.query(REJECT, { input: { withdrawalId: requested.id } });
    expect(codeOf(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const rejected = await subgraph.query(REJECT, { input: { withdrawalId: requested.id, note: 'Unusual activity' } });
    expect(rejected.data!['rejectWithdrawal'].status).toBe('REJECTED');
    const retried = await subgraph.query(REJECT, { input: { withdrawalId: requested.id, note: 'Unusual activity' } });
    expect(retried.data!['rejectWithdrawal'].status).toBe('REJECTED');
    const approvedAfter = await subgraph.query(APPROVE, { input: { withdrawalId: requested.id } });
    expect(codeOf(approvedAfter)).toMatchObject({ code: 'INVALID_STATE', status: 'REJECTED' });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 20000, held: 0, total: 20000 });
    expect((await eventsAbout(requested.id)).map((event) => [event.type, event.data.status])).toEqual([
      ['wallet.withdrawal.failed', 'REJECTED'],
    ]);
  });
});

describe('limits, idempotency and payment methods', () => {
  it('enforces the per-withdrawal, daily and monthly limits of the currency', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer, { amount: '500.00' });
    const request = (amount: string, currency = 'USD') =>
      subgraph.query(
        REQUEST_WITHDRAWAL,
        { input: withdrawalInput(streamerId, methodId, amount, { amount: { amount, currency } }) },
        viewer,
      );
    expect(codeOf(await request('50.01'))).toMatchObject({ code: 'WITHDRAWAL_LIMIT_EXCEEDED', limit: 'PER_TRANSACTION' });
    expect((await request('50.00')).errors).toBeUndefined();
    expect((await request('30.00')).errors).toBeUndefined();
    expect(codeOf(await request('0.01'))).toMatchObject({ code: 'WITHDRAWAL_LIMIT_EXCEEDED', limit: 'PER_DAY' });
    // A month limit reached by earlier days' withdrawals: backdate the two above.
    await sql.query(`UPDATE "Withdrawal" SET "createdAt" = date_trunc('month', now()) WHERE "streamerId" = $1`, [streamerId]);
    const today = new Date().getUTCDate();
    const secondLot = await request('20.01');
    if (today === 1) expect(codeOf(secondLot)).toMatchObject({ code: 'WITHDRAWAL_LIMIT_EXCEEDED', limit: 'PER_DAY' });
    else expect(codeOf(secondLot)).toMatchObject({ code: 'WITHDRAWAL_LIMIT_EXCEEDED', limit: 'PER_MONTH' });
    expect(codeOf(await request('1000', 'KRW'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency' });
  });

  it('returns the same withdrawal for a retry and CONFLICT for a key reused with other parameters', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer);
    const input = withdrawalInput(streamerId, methodId, '2.00');
    const [first, second] = await Promise.all([
      subgraph.query(REQUEST_WITHDRAWAL, { input }, viewer),
      subgraph.query(REQUEST_WITHDRAWAL, { input }, viewer),
    ]);
    expect(second.data!['requestWithdrawal'].id).toBe(first.data!['requestWithdrawal'].id);
    const other = await subgraph.query(REQUEST_WITHDRAWAL, { input: { ...input, amount: { amount: '3.00', currency: 'USD' } } }, viewer);
    expect(codeOf(other)).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toMatchObject({ total: expect.any(Number) });
    const holds = await sql.query(`SELECT count(*)::int AS n FROM "Withdrawal" WHERE "streamerId" = $1`, [streamerId]);
    expect(holds.rows[0].n).toBe(1);
  });

  it("stores payment methods tokenized and masked, and refuses another streamer's method or someone else's wallet", async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer);
    const stored = await sql.query(`SELECT token, masked FROM "PaymentMethod" WHERE id = $1`, [methodId]);
    expect(stored.rows[0].masked).toBe('•••• 3000');
    expect(JSON.stringify(stored.rows)).not.toContain('0532013000');
    const paypal = await subgraph.query(
      ADD_METHOD,
      { input: { owner: { ownerType: 'STREAMER', ownerId: streamerId }, kind: 'PAYPAL', details: 'kira@example.com' } },
      viewer,
    );
    expect(paypal.data!['addPaymentMethod'].masked).toBe('k•••@example.com');
    const other = await readyStreamer(subgraph, consumer);
    const foreign = await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(other.streamerId, methodId, '1.00') }, other.viewer);
    expect(codeOf(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.paymentMethodId' });
    const forSomeoneElse = await subgraph.query(
      REQUEST_WITHDRAWAL,
      { input: withdrawalInput(other.streamerId, other.methodId, '1.00') },
      viewer,
    );
    expect(codeOf(forSomeoneElse)).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await subgraph.query(
      ADD_METHOD,
      { input: { owner: { ownerType: 'STREAMER', ownerId: streamerId }, kind: 'STRIPE', details: 'nope' } },
      viewer,
    );
    expect(codeOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.details' });
    expect(newId()).not.toBe(streamerId);
  });
});
