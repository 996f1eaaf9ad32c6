import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { deposit, newId } from './factories';
import { walletWithoutJobs } from './factories';
import { ADMIN, actingAs } from './factories';

/** Direct SQL, bypassing the application: the database alone must keep the ledger sound. */
let subgraph: TestSubgraph;
let client: pg.Client;
let depositId: string;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
  client = new pg.Client({ connectionString: subgraph.databaseUrl });
  await client.connect();
  depositId = (await deposit(subgraph, newId(), '10.00')).id;
});
afterAll(async () => {
  await client?.end();
  await subgraph?.stop();
});

async function balancesById() {
  const { rows } = await client.query(`SELECT id, "balanceMinor" FROM "LedgerAccount"`);
  return Object.fromEntries(rows.map((row) => [row.id, BigInt(row.balanceMinor)])) as Record<string, bigint>;
}

async function accountIds() {
  const { rows } = await client.query(`SELECT id, kind FROM "LedgerAccount" WHERE currency = 'USD' ORDER BY kind`);
  return Object.fromEntries(rows.map((row) => [row.kind, row.id])) as Record<string, string>;
}

describe('database-enforced ledger invariants', () => {
  it('rejects UPDATE and DELETE of entries and transactions', async () => {
    await expect(
      client.query(`UPDATE "LedgerEntry" SET "amountMinor" = "amountMinor" * 2 WHERE "transactionId" = $1`, [depositId]),
    ).rejects.toThrow(/LedgerEntry is append-only: UPDATE/);
    await expect(client.query(`DELETE FROM "LedgerEntry" WHERE "transactionId" = $1`, [depositId])).rejects.toThrow(
      /LedgerEntry is append-only: DELETE/,
    );
    await expect(client.query(`UPDATE "LedgerTransaction" SET description = 'edited' WHERE id = $1`, [depositId])).rejects.toThrow(
      /LedgerTransaction is append-only: UPDATE/,
    );
    await expect(client.query(`DELETE FROM "LedgerTransaction" WHERE id = $1`, [depositId])).rejects.toThrow(
      /LedgerTransaction is append-only: DELETE/,
    );
    await expect(client.query(`TRUNCATE "LedgerEntry", "LedgerTransaction"`)).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await client.query(
      `SELECT sum("amountMinor")::int AS total, count(*)::int AS n FROM "LedgerEntry" WHERE "transactionId" = $1`,
      [depositId],
    );
    expect(rows[0]).toEqual({ total: 0, n: 2 });
  });

  it('rejects at commit a transaction whose entries do not sum to zero, or that has none', async () => {
    const accounts = await accountIds();
    const txId = randomUUID();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "LedgerTransaction" (id, kind, description, "idempotencyKey", "requestHash") VALUES ($1, 'TRANSFER', 'forged', $2, 'x')`,
      [txId, `forged-${txId}`],
    );
    await client.query(
      `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", "amountMinor", currency) VALUES ($1, $2, $3, 500, 'USD')`,
      [randomUUID(), txId, accounts['AVAILABLE']],
    );
    // Deferred: each statement passes, the commit fails.
    await expect(client.query('COMMIT')).rejects.toThrow(/is unbalanced: 500 USD left over/);
    const { rowCount } = await client.query(`SELECT 1 FROM "LedgerTransaction" WHERE id = $1`, [txId]);
    expect(rowCount).toBe(0);

    const emptyId = randomUUID();
    await expect(
      client.query(
        `INSERT INTO "LedgerTransaction" (id, kind, description, "idempotencyKey", "requestHash") VALUES ($1, 'FEE', 'empty', $2, 'x')`,
        [emptyId, `empty-${emptyId}`],
      ),
    ).rejects.toThrow(/has no entries/);
  });

  it('accepts a balanced multi-entry transaction written by hand, and applies it to the balances itself', async () => {
    const accounts = await accountIds();
    const before = await balancesById();
    const txId = randomUUID();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "LedgerTransaction" (id, kind, description, "idempotencyKey", "requestHash") VALUES ($1, 'DEPOSIT', 'manual', $2, 'x')`,
      [txId, `manual-${txId}`],
    );
    await client.query(
      `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", "amountMinor", currency) VALUES ($1, $3, $4, -100, 'USD'), ($2, $3, $5, 100, 'USD')`,
      [randomUUID(), randomUUID(), txId, accounts['PROVIDER_CLEARING'], accounts['AVAILABLE']],
    );
    await client.query('COMMIT');
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "LedgerEntry" WHERE "transactionId" = $1`, [txId]);
    expect(rows[0].n).toBe(2);
    const after = await balancesById();
    expect(after[accounts['PROVIDER_CLEARING']!]! - before[accounts['PROVIDER_CLEARING']!]!).toBe(-100n);
    expect(after[accounts['AVAILABLE']!]! - before[accounts['AVAILABLE']!]!).toBe(100n);
  });

  it('refuses any change of a balance other than by entries, and accounts that start non-zero or change owner', async () => {
    const accounts = await accountIds();
    await expect(
      client.query(`UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" + 1 WHERE id = $1`, [accounts['AVAILABLE']]),
    ).rejects.toThrow(/changes only by inserting ledger entries/);
    await expect(client.query(`UPDATE "LedgerAccount" SET "currency" = 'EUR' WHERE id = $1`, [accounts['AVAILABLE']])).rejects.toThrow(
      /keeps its wallet, owner, kind, currency/,
    );
    await expect(client.query(`DELETE FROM "LedgerAccount" WHERE id = $1`, [accounts['AVAILABLE']])).rejects.toThrow(/never deleted/);
    const wallet = await client.query(`SELECT "walletId", "ownerId" FROM "LedgerAccount" WHERE id = $1`, [accounts['AVAILABLE']]);
    await expect(
      client.query(
        `INSERT INTO "LedgerAccount" (id, "walletId", "ownerType", "ownerId", kind, currency, "balanceMinor") VALUES ($1, $2, 'BRAND', $3, 'AVAILABLE', 'GBP', 500)`,
        [randomUUID(), wallet.rows[0].walletId, wallet.rows[0].ownerId],
      ),
    ).rejects.toThrow(/starts at zero/);
  });

  it('rejects a negative balance unless the account allows it, and entries in another currency', async () => {
    const accounts = await accountIds();
    // An entry overdrawing an account that may not go negative fails the balance CHECK in the same statement.
    const overdraft = randomUUID();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "LedgerTransaction" (id, kind, description, "idempotencyKey", "requestHash") VALUES ($1, 'TRANSFER', 'overdraft', $2, 'x')`,
      [overdraft, `overdraft-${overdraft}`],
    );
    await expect(
      client.query(
        `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", "amountMinor", currency) VALUES ($1, $3, $4, -999999999, 'USD'), ($2, $3, $5, 999999999, 'USD')`,
        [randomUUID(), randomUUID(), overdraft, accounts['AVAILABLE'], accounts['PROVIDER_CLEARING']],
      ),
    ).rejects.toThrow(/LedgerAccount_balance_check/);
    await client.query('ROLLBACK');
    const { rows } = await client.query(`SELECT "balanceMinor"::int AS balance FROM "LedgerAccount" WHERE id = $1`, [
      accounts['PROVIDER_CLEARING'],
    ]);
    expect(rows[0].balance).toBeLessThan(0); // the clearing account may go negative

    const txId = randomUUID();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "LedgerTransaction" (id, kind, description, "idempotencyKey", "requestHash") VALUES ($1, 'FEE', 'eur', $2, 'x')`,
      [txId, `eur-${txId}`],
    );
    await expect(
      client.query(`INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", "amountMinor", currency) VALUES ($1, $2, $3, 5, 'EUR')`, [
        randomUUID(),
        txId,
        accounts['AVAILABLE'],
      ]),
    ).rejects.toThrow(/differs from its account currency/);
    await client.query('ROLLBACK');
  });

  it('keeps a single platform wallet even though its owner id is null', async () => {
    await expect(
      client.query(`INSERT INTO "Wallet" (id, "ownerType", "ownerId") VALUES ($1, 'PLATFORM', NULL)`, [randomUUID()]),
    ).rejects.toThrow(/Wallet_ownerType_ownerId_key/);
    await expect(
      client.query(`INSERT INTO "Wallet" (id, "ownerType", "ownerId") VALUES ($1, 'BRAND', NULL)`, [randomUUID()]),
    ).rejects.toThrow(/Wallet_owner_check/);
  });
});
