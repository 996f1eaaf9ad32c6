import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { DEPOSIT, TRANSFER, balanceOf, brand, deposit, depositInput, newId, streamer, transferInput, walletsOf } from './factories';
import { walletWithoutJobs } from './factories';
import { ADMIN, actingAs } from './factories';

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

describe('ledger under concurrency', () => {
  it('moves money once for 20 concurrent identical requests', async () => {
    const input = depositInput({ amount: { amount: '75.00', currency: 'USD' } });
    const results = await Promise.all(Array.from({ length: 20 }, () => subgraph.query(DEPOSIT, { input })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(new Set(results.map((result) => result.data!['depositFunds'].id)).size).toBe(1);
    expect(await balanceOf(subgraph, 'Brand', input.brandId as string)).toEqual({ available: 7500, held: 0, total: 7500 });
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM "LedgerTransaction" WHERE "idempotencyKey" = $1', [
      input.idempotencyKey,
    ]);
    expect(rows[0].n).toBe(1);

    // The same for a transfer that debits: one debit, however many identical requests race.
    const streamerId = newId();
    const transfer = transferInput(brand(input.brandId as string), streamer(streamerId), '10.00');
    const transfers = await Promise.all(Array.from({ length: 20 }, () => subgraph.query(TRANSFER, { input: transfer })));
    expect(transfers.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(new Set(transfers.map((result) => result.data!['transferFunds'].id)).size).toBe(1);
    expect(await balanceOf(subgraph, 'Brand', input.brandId as string)).toEqual({ available: 6500, held: 0, total: 6500 });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 1000, held: 0, total: 1000 });
  });

  it('creates one wallet and account per owner when first uses race', async () => {
    const streamerId = newId();
    const brands = [newId(), newId(), newId(), newId()];
    for (const brandId of brands) await deposit(subgraph, brandId, '5.00');
    const results = await Promise.all(
      brands.map((brandId) => subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(streamerId), '5.00') })),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "LedgerAccount" WHERE "ownerId" = $1`, [streamerId]);
    expect(rows[0].n).toBe(1);
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 2000, held: 0, total: 2000 });
  });

  it('keeps every invariant through 100 concurrent transfers between a few wallets', async () => {
    const brands = [newId(), newId()];
    const streamers = [newId(), newId()];
    const owners = [...brands.map(brand), ...streamers.map(streamer)];
    await deposit(subgraph, brands[0]!, '300.00');
    await deposit(subgraph, brands[1]!, '200.00');
    await deposit(subgraph, brands[1]!, '500', 'JPY');

    // Amounts chosen so that many transfers cannot all succeed: some must fail with INSUFFICIENT_FUNDS.
    const transfers = Array.from({ length: 100 }, (_, i) => {
      const from = owners[i % 4]!;
      const to = owners[(i * 7 + 1) % 4 === i % 4 ? (i + 1) % 4 : (i * 7 + 1) % 4]!;
      const currency = i % 10 === 0 ? 'JPY' : 'USD';
      const amount = currency === 'JPY' ? String(50 + (i % 3) * 25) : `${10 + (i % 9) * 7}.${String(i % 100).padStart(2, '0')}`;
      return transferInput(from, to, amount, currency);
    });
    const results = await Promise.all(transfers.map((input) => subgraph.query(TRANSFER, { input })));
    const codes = results.map((result) => (result.errors ? result.errors[0]!.extensions!['code'] : 'OK'));
    expect(codes.filter((code) => code !== 'OK' && code !== 'INSUFFICIENT_FUNDS')).toEqual([]);
    const succeeded = codes.filter((code) => code === 'OK').length;
    expect(succeeded).toBeGreaterThan(10);
    expect(succeeded).toBeLessThan(100);

    // Through the API: nobody negative, and the four wallets still hold exactly what was deposited.
    const entities = await walletsOf(subgraph, [
      ...brands.map((id) => ({ __typename: 'Brand' as const, id })),
      ...streamers.map((id) => ({ __typename: 'Streamer' as const, id })),
    ]);
    const totals = new Map<string, number>();
    for (const entity of entities) {
      for (const balance of entity.wallet?.balances ?? []) {
        expect(balance.available.amountMinor).toBeGreaterThanOrEqual(0);
        totals.set(balance.currency, (totals.get(balance.currency) ?? 0) + balance.total.amountMinor);
      }
    }
    expect(Object.fromEntries(totals)).toEqual({ USD: 50000, JPY: 500 });

    // In the database: exactly the successful transfers were written, each balanced.
    const ids = [...brands, ...streamers];
    const written = await sql.query(
      `SELECT count(DISTINCT t.id)::int AS n FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t.id
         JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE t.kind = 'TRANSFER' AND a."ownerId" = ANY($1::uuid[])`,
      [ids],
    );
    expect(written.rows[0].n).toBe(succeeded);

    // Ledger-wide: every currency sums to zero (clearing included), every balance equals its entries.
    const sums = await sql.query(`SELECT currency, sum("balanceMinor")::text AS total FROM "LedgerAccount" GROUP BY currency`);
    for (const row of sums.rows) expect(row.total, row.currency).toBe('0');
    const drift = await sql.query(
      `SELECT a.id FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
        GROUP BY a.id, a."balanceMinor" HAVING a."balanceMinor" <> coalesce(sum(e."amountMinor"), 0)`,
    );
    expect(drift.rows).toEqual([]);
    const negative = await sql.query(`SELECT id FROM "LedgerAccount" WHERE "balanceMinor" < 0 AND NOT "allowNegative"`);
    expect(negative.rows).toEqual([]);
    const unbalanced = await sql.query(
      `SELECT "transactionId" FROM "LedgerEntry" GROUP BY "transactionId", currency HAVING sum("amountMinor") <> 0`,
    );
    expect(unbalanced.rows).toEqual([]);
  });
});
