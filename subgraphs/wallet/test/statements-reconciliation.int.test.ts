import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerOptions } from '@gametriggers/events';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { createWalletSubgraph } from '../src/index';
import {
  ADMIN,
  HOLD,
  TRANSFER,
  actingAs,
  brand,
  brandViewer,
  deposit,
  newId,
  newKey,
  streamer,
  streamerViewer,
  transferInput,
} from './factories';
import { REQUEST_WITHDRAWAL, WITHDRAWAL, readyStreamer, testWalletConfig, withdrawalInput } from './withdrawal-factories';

const STATEMENT = `query($owner: LedgerOwnerInput!, $from: DateTime!, $to: DateTime!, $currency: String) {
  walletStatement(owner: $owner, from: $from, to: $to, currency: $currency) {
    csv currencies { currency openingBalance { amount } credits { amount } debits { amount } closingBalance { amount }
      lines { kind accountKind description amount { amount } balanceAfter { amount } } } } }`;
const RECONCILE = `{ walletReconciliation { ok accountsChecked transactionsChecked settlementsChecked
  balanceMismatches { accountId storedMinor journalMinor } unbalancedTransactions { transactionId currency sumMinor }
  emptyTransactions negativeBalances { accountId } settlementMismatches { withdrawalId problem } } }`;

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

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describe('statements', () => {
  it('gives opening balance, entries with running balance and closing balance per currency, and the same as CSV', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '100.00');
    await deposit(subgraph, brandId, '9', 'JPY');
    await pause();
    const from = new Date();
    await pause();
    await subgraph.query(HOLD, { input: { brandId, amount: { amount: '30.00', currency: 'USD' }, idempotencyKey: newKey('hold') } });
    await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(newId()), '20.00', 'USD', { description: 'Prize, "finals"' }),
    });
    await pause();
    const to = new Date();
    await deposit(subgraph, brandId, '1.00'); // after the period

    const result = await subgraph.query(STATEMENT, { owner: brand(brandId), from, to }, brandViewer(brandId));
    expect(result.errors).toBeUndefined();
    const { currencies, csv } = result.data!['walletStatement'];
    expect(currencies.map((c: { currency: string }) => c.currency)).toEqual(['JPY', 'USD']);
    const usd = currencies[1];
    expect(usd).toMatchObject({
      openingBalance: { amount: '100.00' },
      credits: { amount: '30.00' },
      debits: { amount: '50.00' },
      closingBalance: { amount: '80.00' },
    });
    expect(
      usd.lines.map((line: { kind: string; amount: { amount: string }; balanceAfter: { amount: string } }) => [
        line.kind,
        line.amount.amount,
        line.balanceAfter.amount,
      ]),
    ).toEqual([
      ['HOLD', '-30.00', '70.00'],
      ['HOLD', '30.00', '100.00'],
      ['TRANSFER', '-20.00', '80.00'],
    ]);
    expect(currencies[0]).toMatchObject({ openingBalance: { amount: '9' }, closingBalance: { amount: '9' }, lines: [] });

    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('currency,date,transaction_id,kind,account,description,amount,balance_after');
    expect(rows.filter((row: string) => row.startsWith('USD,'))).toHaveLength(5);
    expect(rows.find((row: string) => row.includes('TRANSFER'))).toMatch(/,AVAILABLE,"Prize, ""finals""",-20.00,80.00$/);
    expect(rows.at(-1)).toMatch(/^USD,.*,CLOSING,,Closing balance,,80.00$/);

    const foreign = await subgraph.query(STATEMENT, { owner: brand(brandId), from, to }, brandViewer(newId()));
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('reconciliation', () => {
  it('finds nothing on a sound ledger, then reports every planted difference without fixing it', async () => {
    const { streamerId, viewer, methodId } = await readyStreamer(subgraph, consumer);
    const withdrawal = (await subgraph.query(REQUEST_WITHDRAWAL, { input: withdrawalInput(streamerId, methodId, '3.00') }, viewer)).data![
      'requestWithdrawal'
    ];
    await expect
      .poll(async () => (await subgraph.query(WITHDRAWAL, { id: withdrawal.id })).data!['withdrawal'].status, {
        timeout: 15_000,
        interval: 200,
      })
      .toBe('PAID');

    const clean = await subgraph.query(RECONCILE);
    expect(clean.errors).toBeUndefined();
    expect(clean.data!['walletReconciliation']).toMatchObject({
      ok: true,
      balanceMismatches: [],
      unbalancedTransactions: [],
      emptyTransactions: [],
      negativeBalances: [],
      settlementMismatches: [],
    });
    expect(clean.data!['walletReconciliation'].settlementsChecked).toBeGreaterThan(0);
    expect(codeOf(await subgraph.query(RECONCILE, {}, streamerViewer(streamerId)))).toBe('FORBIDDEN');

    // Plant differences the database guards would refuse: replica mode switches triggers off for this session.
    const client = await sql.connect();
    const forged = randomUUID();
    let accountId: string;
    try {
      await client.query(`SET session_replication_role = replica`);
      const account = await client.query(`SELECT id FROM "LedgerAccount" WHERE "ownerId" = $1 AND kind = 'AVAILABLE'`, [streamerId]);
      accountId = account.rows[0].id;
      await client.query(`UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" + 1 WHERE id = $1`, [accountId]);
      await client.query(
        `INSERT INTO "LedgerTransaction" (id, kind, description, "idempotencyKey", "requestHash") VALUES ($1, 'FEE', 'forged', $2, 'x')`,
        [forged, `forged-${forged}`],
      );
      await client.query(
        `INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", "amountMinor", currency) VALUES ($1, $2, $3, 7, 'USD')`,
        [randomUUID(), forged, accountId],
      );
      await client.query(`UPDATE "SandboxPayout" SET "amountMinor" = "amountMinor" + 100 WHERE "withdrawalId" = $1`, [withdrawal.id]);
    } finally {
      await client.query(`SET session_replication_role = DEFAULT`);
      client.release();
    }

    const report = (await subgraph.query(RECONCILE)).data!['walletReconciliation'];
    expect(report.ok).toBe(false);
    expect(report.balanceMismatches).toEqual([{ accountId: accountId!, storedMinor: 19701, journalMinor: 19707 }]);
    expect(report.unbalancedTransactions).toEqual([{ transactionId: forged, currency: 'USD', sumMinor: 7 }]);
    expect(report.settlementMismatches).toEqual([
      { withdrawalId: withdrawal.id, problem: 'amount differs: provider 400 USD, wallet 300 USD' },
    ]);
    // Reported, not fixed.
    const after = await sql.query(`SELECT "balanceMinor"::int AS b FROM "LedgerAccount" WHERE id = $1`, [accountId!]);
    expect(after.rows[0].b).toBe(19701);
    const runs = await sql.query(`SELECT actor, details->>'ok' AS ok FROM "AdminAction" WHERE action = 'reconciliation.run' ORDER BY at`);
    expect(runs.rows.map((row) => row.ok)).toEqual(['true', 'false']);

    // The CLI reports the same and exits 1.
    const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'reconcile.ts');
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', cli], {
      env: { ...process.env, DATABASE_URL: subgraph.databaseUrl },
    });
    const failure = await run.then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('DIFFERENCES FOUND');
    expect(failure?.stdout).toContain(`unbalanced transaction ${forged}: 7 USD left over`);
  });
});

function codeOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  return result.errors?.[0]?.extensions?.['code'];
}
