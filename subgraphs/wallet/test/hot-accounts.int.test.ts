import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerOptions } from '@gametriggers/events';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { createWalletSubgraph } from '../src/index';
import { ADMIN, DEPOSIT, TRANSFER, actingAs, depositInput, brand, deposit, newId, streamer, transferInput } from './factories';
import { REQUEST_WITHDRAWAL, readyStreamer, testWalletConfig, withdrawalInput } from './withdrawal-factories';

// Limits out of the way: this file is about concurrency, withdrawals.int.test.ts about limits.
const base = testWalletConfig();
const definition = createWalletSubgraph({
  ...base,
  withdrawalLimits: {
    ...base.withdrawalLimits,
    USD: { perTransactionMinor: 10n ** 9n, perDayMinor: 10n ** 10n, perMonthMinor: 10n ** 11n, approvalAboveMinor: 10n ** 9n },
  },
});
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

type Result = { data?: Record<string, any> | null; errors?: readonly { extensions?: Record<string, unknown> }[] };
const codeOf = (result: Result) => (result.errors ? String(result.errors[0]!.extensions!['code']) : 'OK');

async function ledgerInvariants() {
  const sums = await sql.query(`SELECT currency, sum("balanceMinor")::text AS total FROM "LedgerAccount" GROUP BY currency`);
  for (const row of sums.rows) expect(row.total, `sum of ${row.currency}`).toBe('0');
  const negative = await sql.query(`SELECT id FROM "LedgerAccount" WHERE "balanceMinor" < 0 AND NOT "allowNegative"`);
  expect(negative.rows).toEqual([]);
  const drift = await sql.query(
    `SELECT a.id FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id GROUP BY a.id HAVING a."balanceMinor" <> coalesce(sum(e."amountMinor"), 0)`,
  );
  expect(drift.rows).toEqual([]);
}

describe('hot accounts under concurrency', () => {
  it('keeps every invariant through hundreds of concurrent transfers and withdrawals, each sent twice', async () => {
    const hot = newId();
    await deposit(subgraph, hot, '600.00');
    const streamers: Awaited<ReturnType<typeof readyStreamer>>[] = [];
    for (let i = 0; i < 4; i += 1) streamers.push(await readyStreamer(subgraph, consumer, { amount: '100.00' }));
    const owners = [brand(hot), ...streamers.map((s) => streamer(s.streamerId))];

    // Every transfer touches the hot brand (from or to it); amounts chosen so that some must fail.
    const transfers = Array.from({ length: 240 }, (_, i) => {
      const other = owners[1 + (i % 4)]!;
      const [from, to] = i % 3 === 0 ? [other, owners[0]!] : [owners[0]!, other];
      return transferInput(from, to, `${1 + (i % 7)}.${String(i % 100).padStart(2, '0')}`);
    });
    const withdrawals = Array.from({ length: 80 }, (_, i) => {
      const s = streamers[i % 4]!;
      return { viewer: s.viewer, input: withdrawalInput(s.streamerId, s.methodId, `${2 + (i % 5)}.00`) };
    });
    const started = Date.now();
    const requests: Promise<Result>[] = [];
    for (const input of transfers) requests.push(subgraph.query(TRANSFER, { input }), subgraph.query(TRANSFER, { input }));
    for (const { viewer, input } of withdrawals)
      requests.push(subgraph.query(REQUEST_WITHDRAWAL, { input }, viewer), subgraph.query(REQUEST_WITHDRAWAL, { input }, viewer));
    const results = await Promise.all(requests);
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `${requests.length} concurrent requests (${transfers.length} transfers, ${withdrawals.length} withdrawals, each twice) in ${seconds.toFixed(2)} s`,
    );

    const codes = results.map(codeOf);
    expect([...new Set(codes)].filter((code) => code !== 'OK' && code !== 'INSUFFICIENT_FUNDS')).toEqual([]);
    // A retry answers like the original (a failed attempt is not stored, so its retry may be tried again).
    for (let i = 0; i < results.length; i += 2) {
      const [first, second] = [results[i]!, results[i + 1]!];
      if (!first.errors && !second.errors) expect(Object.values(second.data!)[0].id).toBe(Object.values(first.data!)[0].id);
    }
    const succeededTransfers = new Set(
      transfers.map((t, i) => (!results[2 * i]!.errors || !results[2 * i + 1]!.errors ? t.idempotencyKey : null)).filter(Boolean),
    );
    const written = await sql.query(`SELECT count(*)::int AS n FROM "LedgerTransaction" WHERE "idempotencyKey" = ANY($1::text[])`, [
      transfers.map((t) => t.idempotencyKey),
    ]);
    expect(written.rows[0].n).toBe(succeededTransfers.size);
    expect(succeededTransfers.size).toBeGreaterThan(50);
    const withdrawalRows = await sql.query(`SELECT count(*)::int AS n FROM "Withdrawal" WHERE "idempotencyKey" = ANY($1::text[])`, [
      withdrawals.map((w) => w.input.idempotencyKey),
    ]);
    const succeededWithdrawals = withdrawals.filter(
      (_, i) => !results[2 * transfers.length + 2 * i]!.errors || !results[2 * transfers.length + 2 * i + 1]!.errors,
    );
    expect(withdrawalRows.rows[0].n).toBe(succeededWithdrawals.length);

    // Let every payout settle, then: money only moved, none appeared or vanished.
    await expect
      .poll(
        async () =>
          (await sql.query(`SELECT count(*)::int AS n FROM "Withdrawal" WHERE status NOT IN ('PAID', 'FAILED', 'REJECTED')`)).rows[0].n,
        {
          timeout: 60_000,
          interval: 500,
        },
      )
      .toBe(0);
    await ledgerInvariants();
    const ids = [hot, ...streamers.map((s) => s.streamerId)];
    const held = await sql.query(
      `SELECT coalesce(sum("balanceMinor"), 0)::int AS total FROM "LedgerAccount" WHERE "ownerId" = ANY($1::uuid[])`,
      [ids],
    );
    const paid = await sql.query(
      `SELECT coalesce(sum("amountMinor"), 0)::int AS total FROM "Withdrawal" WHERE "streamerId" = ANY($1::uuid[]) AND status = 'PAID'`,
      [ids],
    );
    expect(held.rows[0].total + paid.rows[0].total).toBe(60_000 + 4 * 10_000);
  }, 120_000);

  it('measures transfers per second through one hot account', async () => {
    const hot = newId();
    await deposit(subgraph, hot, '100000.00');
    const receivers = Array.from({ length: 20 }, () => newId());
    const count = 400;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        subgraph.query(TRANSFER, { input: transferInput(brand(hot), streamer(receivers[i % 20]!), '1.00') }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(results.map(codeOf).filter((code) => code !== 'OK')).toEqual([]);
    console.info(
      `${count} transfers from one hot account over GraphQL/HTTP in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)} transfers/s`,
    );
    await ledgerInvariants();
  }, 120_000);

  it('measures deposits per second, every one through the platform clearing account', async () => {
    const count = 400;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: count }, () => subgraph.query(DEPOSIT, { input: depositInput({ brandId: newId() }) })),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(results.map(codeOf).filter((code) => code !== 'OK')).toEqual([]);
    console.info(
      `${count} deposits of distinct brands over GraphQL/HTTP in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)} deposits/s`,
    );
    await ledgerInvariants();
    // The clearing account is sharded: the deposits spread over several rows, which sum to the platform's position.
    const shards = await sql.query(
      `SELECT count(*)::int AS n FROM "LedgerAccount" WHERE "ownerType" = 'PLATFORM' AND kind = 'PROVIDER_CLEARING' AND currency = 'USD'`,
    );
    expect(shards.rows[0].n).toBeGreaterThan(1);
    expect(shards.rows[0].n).toBeLessThanOrEqual(8);
  }, 120_000);

  it('leaves no partial transaction when connections are killed mid-flight', async () => {
    const hot = newId();
    await deposit(subgraph, hot, '1000.00');
    const inputs = Array.from({ length: 120 }, () => transferInput(brand(hot), streamer(newId()), '1.00'));
    const pending = Promise.all(inputs.map((input) => subgraph.query(TRANSFER, { input })));
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Every other session of this database (the subgraph's pool, mid-transaction or not) is cut off.
    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const results = await pending;
    const succeeded = inputs.filter((_, i) => !results[i]!.errors).map((input) => input.idempotencyKey);
    expect(results.map(codeOf).filter((code) => code !== 'OK' && code !== 'INTERNAL_SERVER_ERROR')).toEqual([]);
    const written = await sql.query(`SELECT "idempotencyKey" AS key FROM "LedgerTransaction" WHERE "idempotencyKey" = ANY($1::text[])`, [
      inputs.map((input) => input.idempotencyKey),
    ]);
    // Whatever answered OK is stored whole; whatever was cut off left nothing (its retry would move the money once).
    expect(written.rows.map((row) => row.key).sort()).toEqual(expect.arrayContaining([...succeeded].sort()));
    const partial = await sql.query(
      `SELECT t.id FROM "LedgerTransaction" t WHERE NOT EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."transactionId" = t.id)`,
    );
    expect(partial.rows).toEqual([]);
    await ledgerInvariants();
    const retried = await Promise.all(inputs.map((input) => subgraph.query(TRANSFER, { input })));
    expect(retried.map(codeOf).filter((code) => code !== 'OK')).toEqual([]);
    expect(
      await sql
        .query(`SELECT count(*)::int AS n FROM "LedgerTransaction" WHERE "idempotencyKey" = ANY($1::text[])`, [
          inputs.map((i) => i.idempotencyKey),
        ])
        .then((r) => r.rows[0].n),
    ).toBe(120);
    await ledgerInvariants();
  }, 120_000);
});
