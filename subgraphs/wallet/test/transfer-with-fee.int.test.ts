import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@gametriggers/testkit';
import type { TestDatabase } from '@gametriggers/testkit';
import { loadWalletConfig } from '../src/config';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { walletSubgraph } from '../src/index';
import { PLATFORM_FEE_SHARDS } from '../src/ledger/ledger-owner';
import { depositFunds } from '../src/transaction/deposit-funds';
import { transferFunds } from '../src/transaction/transfer-funds';
import { transferWithFee } from '../src/transaction/transfer-with-fee';
import type { TransferWithFeeInput } from '../src/transaction/transfer-with-fee';
import { brand, newId, newKey, streamer } from './factories';

/** transferWithFee in process (it is the ledger operation of the wallet bench, not a mutation). */
let database: TestDatabase;
let db: Db;
let sql: pg.Pool;
const config = loadWalletConfig({});
beforeAll(async () => {
  database = await createTestDatabase('wallet', walletSubgraph.migrationsDir);
  db = createDb(database.url);
  sql = new pg.Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => {});
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await database?.drop();
});

const deps = () => ({ db, config });
type Owner = { ownerType: 'BRAND' | 'STREAMER'; ownerId: string };

async function fundedBrand(amount = '100.00'): Promise<Owner> {
  const owner = brand(newId()) as Owner;
  await depositFunds(deps(), {
    brandId: owner.ownerId,
    amount: { amount, currency: 'USD' },
    idempotencyKey: newKey('deposit'),
    reference: 'test',
  });
  return owner;
}

function input(from: Owner, to: Owner, amount: string, fee: string, overrides: Partial<TransferWithFeeInput> = {}): TransferWithFeeInput {
  return {
    from,
    to,
    amount: { amount, currency: 'USD' },
    fee: { amount: fee, currency: 'USD' },
    idempotencyKey: newKey('fee'),
    ...overrides,
  };
}

async function available(owner: Owner) {
  const { rows } = await sql.query(
    `SELECT coalesce(sum("balanceMinor"), 0)::text AS b FROM "LedgerAccount" WHERE "ownerId" = $1 AND kind = 'AVAILABLE' AND currency = 'USD'`,
    [owner.ownerId],
  );
  return BigInt(rows[0].b);
}

async function feeRevenue() {
  const { rows } = await sql.query(`SELECT coalesce(sum("balanceMinor"), 0)::text AS b FROM "LedgerAccount" WHERE kind = 'PLATFORM_FEES'`);
  return BigInt(rows[0].b);
}

/** The code and field of what `promise` rejects with. */
async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { extensions?: { code?: string; field?: string } } | undefined;
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}

describe('transferWithFee', () => {
  it('moves the amount from the sender, the net to the receiver and the fee to a platform fee shard, in one transaction', async () => {
    const from = await fundedBrand('100.00');
    const to = streamer(newId()) as Owner;
    const before = await feeRevenue();
    const transaction = await transferWithFee(deps(), input(from, to, '10.00', '0.25', { description: 'Sale' }));
    expect(transaction).toMatchObject({ kind: 'TRANSFER', description: 'Sale' });
    expect(await available(from)).toBe(9_000n);
    expect(await available(to)).toBe(975n);
    expect((await feeRevenue()) - before).toBe(25n);
    const { rows } = await sql.query(
      `SELECT a.kind, a."ownerType", a.shard, e."amountMinor"::text AS amount FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
        WHERE e."transactionId" = $1 ORDER BY e."amountMinor"`,
      [transaction.id],
    );
    expect(rows.map((row) => [row.kind, row.ownerType, row.amount])).toEqual([
      ['AVAILABLE', 'BRAND', '-1000'],
      ['PLATFORM_FEES', 'PLATFORM', '25'],
      ['AVAILABLE', 'STREAMER', '975'],
    ]);
    expect(rows[1].shard).toBeLessThan(PLATFORM_FEE_SHARDS);
  });

  it('refuses bad input with the field at fault, and moves nothing', async () => {
    const from = await fundedBrand('10.00');
    const to = brand(newId()) as Owner;
    const cases: [TransferWithFeeInput, string][] = [
      [input(from, from, '1.00', '0.10'), 'input.to'],
      [input(from, to, '1.00', '0.00'), 'input.fee.amount'],
      [input(from, to, '1.00', '1.00'), 'input.fee.amount'],
      [input(from, to, '1.00', '2.00'), 'input.fee.amount'],
      [input(from, to, '1.00', '0.001'), 'input.fee.amount'],
      [input(from, to, '1.00', '-0.10'), 'input.fee.amount'],
      [input(from, to, '0', '0.10'), 'input.amount.amount'],
      [{ ...input(from, to, '1.00', '0.10'), fee: { amount: '0.10', currency: 'EUR' } }, 'input.fee.currency'],
      [{ ...input(from, to, '1.00', '0.10'), fee: { amount: '0.10', currency: 'XXX' } }, 'input.fee.currency'],
    ];
    for (const [request, field] of cases) {
      expect(await failure(transferWithFee(deps(), request)), field).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    expect(await available(from)).toBe(1_000n);
  });

  it('fails with INSUFFICIENT_FUNDS storing nothing, so the same key goes through once the money is there', async () => {
    const from = await fundedBrand('5.00');
    const to = brand(newId()) as Owner;
    const request = input(from, to, '8.00', '0.50');
    expect(await failure(transferWithFee(deps(), request))).toEqual({ code: 'INSUFFICIENT_FUNDS', field: 'input.amount' });
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "LedgerTransaction" WHERE "idempotencyKey" = $1`, [
      request.idempotencyKey,
    ]);
    expect(rows[0].n).toBe(0);
    await depositFunds(deps(), {
      brandId: from.ownerId,
      amount: { amount: '5.00', currency: 'USD' },
      idempotencyKey: newKey('deposit'),
      reference: 'top-up',
    });
    await transferWithFee(deps(), request);
    expect(await available(from)).toBe(200n);
    expect(await available(to)).toBe(750n);
  });

  it('is idempotent per key: a retry returns the original (even when the balance no longer covers it), other parameters are a CONFLICT', async () => {
    const from = await fundedBrand('10.00');
    const to = brand(newId()) as Owner;
    const request = input(from, to, '10.00', '1.00');
    const first = await transferWithFee(deps(), request);
    // The sender has nothing left: the retry must still answer with the transfer, not INSUFFICIENT_FUNDS.
    expect((await transferWithFee(deps(), request)).id).toBe(first.id);
    expect(await available(from)).toBe(0n);
    expect(await available(to)).toBe(900n);
    const conflicts = [
      () => transferWithFee(deps(), { ...request, fee: { amount: '2.00', currency: 'USD' } }),
      () => transferWithFee(deps(), { ...request, amount: { amount: '9.00', currency: 'USD' } }),
      () => transferFunds(deps(), { from, to, amount: { amount: '10.00', currency: 'USD' }, idempotencyKey: request.idempotencyKey }),
    ];
    for (const conflict of conflicts) {
      expect(await failure(conflict())).toEqual({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    }
  });

  it('moves money once for concurrent identical requests, and keeps the ledger sound under concurrent fees', async () => {
    const from = await fundedBrand('1000.00');
    const others = Array.from({ length: 4 }, () => brand(newId()) as Owner);
    const before = await feeRevenue();
    const same = input(from, others[0]!, '5.00', '0.50');
    const identical = await Promise.all(Array.from({ length: 20 }, () => transferWithFee(deps(), same)));
    expect(new Set(identical.map((transaction) => transaction.id)).size).toBe(1);
    await Promise.all(Array.from({ length: 100 }, (_, i) => transferWithFee(deps(), input(from, others[i % 4]!, '2.00', '0.10'))));
    expect(await available(from)).toBe(100_000n - 500n - 100n * 200n);
    expect((await feeRevenue()) - before).toBe(50n + 100n * 10n);
    const shards = await sql.query(`SELECT count(*)::int AS n FROM "LedgerAccount" WHERE kind = 'PLATFORM_FEES' AND currency = 'USD'`);
    expect(shards.rows[0].n).toBeGreaterThan(1);
    const sums = await sql.query(`SELECT currency, sum("balanceMinor")::text AS total FROM "LedgerAccount" GROUP BY currency`);
    for (const row of sums.rows) expect(row.total, row.currency).toBe('0');
    const drift = await sql.query(
      `SELECT a.id FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id GROUP BY a.id HAVING a."balanceMinor" <> coalesce(sum(e."amountMinor"), 0)`,
    );
    expect(drift.rows).toEqual([]);
  });
});
