import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, isRetryableConflict, isUniqueViolation } from '@gametriggers/federation';
import type { Db } from '../db';
import { BalanceConditionFailedError, InsufficientFundsError } from '../errors';
import type { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { Prisma } from '../generated/prisma/client';
import type { LedgerTransaction } from '../generated/prisma/client';
import { accountsForCondition, checkConditions } from './balance-condition';
import type { BalanceCondition } from './balance-condition';
import { accountKey, knownAccountIds } from './account-ids';
import { ensureAccount } from './ensure-account';
import { ownerKey, shardFor } from './ledger-owner';
import type { LedgerOwner } from './ledger-owner';
import { runPostingStatement } from './posting-statement';
import type { LockedAccount, PlannedEntry, PostingOutcome, TransactionRow } from './posting-statement';
import { requestHash } from './request-hash';

export type Tx = Prisma.TransactionClient;

/** One side of a movement: an amount credited (> 0) or debited (< 0) to an owner's account of a kind. */
export interface LedgerLeg {
  owner: LedgerOwner;
  kind: LedgerAccountKind;
  amountMinor: bigint;
  /** Default: the posting's currency (a conversion has legs in two). */
  currency?: string;
  /** The input field INSUFFICIENT_FUNDS names when this debit would overdraw the account. */
  field?: string;
  /** The platform account's shard; default chosen by shardFor (a reversal names the original's). */
  shard?: number;
}

export interface LedgerPosting {
  kind: LedgerTransactionKind;
  description: string;
  /** The client's key: one movement per key, however often or concurrently it is sent. */
  idempotencyKey: string;
  currency: string;
  /** Must sum to zero per currency (the database checks again at commit). */
  legs: LedgerLeg[];
  /** Every parameter that defines the request; a retry must repeat them exactly. */
  request: Record<string, unknown>;
  /** Checked on the locked balances before the money moves: all must hold, or nothing is written. */
  conditions?: BalanceCondition[];
  reversesId?: string;
  fx?: { rate: string; from: string; to: string };
  /** Who asked (`<viewer kind>:<id>`); null for the platform's own movements. */
  createdBy?: string | null;
  /** Runs in the same database transaction after the entries (outbox events, related rows). */
  afterWrite?: (tx: Tx, transaction: LedgerTransaction) => Promise<void>;
}

const MAX_ATTEMPTS = 8;
/**
 * READ COMMITTED (PostgreSQL's default, stated here because the design relies on it): balances are read
 * under FOR UPDATE row locks, which return the latest committed row, and a read after an
 * ON CONFLICT DO NOTHING sees the row another transaction just committed.
 * Generous waits: under load a transaction may queue for a pooled connection and for hot account rows.
 */
export const TRANSACTION_OPTIONS = { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 20_000, timeout: 30_000 };

/**
 * Writes a balanced ledger transaction: its row and its entries (a database trigger applies them to the
 * balances), in one database transaction. Idempotent: the same key and parameters return the stored
 * transaction and move nothing; the same key with other parameters fails with CONFLICT. A debit
 * overdrawing an account fails with INSUFFICIENT_FUNDS, a condition that does not hold with
 * BALANCE_CONDITION_FAILED; either way nothing is written.
 */
export async function postLedgerTransaction(db: Db, posting: LedgerPosting): Promise<LedgerTransaction> {
  const hash = postingHash(posting);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const written = await attemptPosting(db, posting, hash);
      if (written) return written;
      // The key was already used (committed before this request): the stored answer, or CONFLICT.
      const stored = await findByKey(db, posting.idempotencyKey, hash);
      if (stored) return stored;
      throw new Error(`ledger transaction ${posting.idempotencyKey} was seen but cannot be read`);
    } catch (error) {
      // A retry of a movement that went through is answered with it, whatever the balances say today.
      if (error instanceof InsufficientFundsError || error instanceof BalanceConditionFailedError) {
        const stored = await findByKey(db, posting.idempotencyKey, hash);
        if (stored) return stored;
        throw error;
      }
      // A concurrent request with the same key committed first: answer with its transaction.
      if (isUniqueViolation(error)) {
        const winner = await findByKey(db, posting.idempotencyKey, hash);
        if (winner) return winner;
      }
      if (error instanceof StaleAccountIdError && attempt < MAX_ATTEMPTS) {
        knownAccountIds(db).clear();
        continue;
      }
      if (isRetryableConflict(error) && attempt < MAX_ATTEMPTS) {
        await sleep(Math.random() * 20 * attempt);
        continue;
      }
      throw error;
    }
  }
}

export function postingHash(posting: LedgerPosting): string {
  const conditions = (posting.conditions ?? []).map(({ owner, balance, operator, amountMinor, currency }) => ({
    owner: ownerKey(owner),
    balance,
    operator,
    amountMinor,
    currency,
  }));
  // Without conditions the hash is what it was before conditions existed: stored keys keep matching.
  return requestHash({ kind: posting.kind, currency: posting.currency, ...posting.request, ...(conditions.length ? { conditions } : {}) });
}

async function findByKey(db: Db, idempotencyKey: string, hash: string) {
  const stored = await db.ledgerTransaction.findUnique({ where: { idempotencyKey } });
  if (stored && stored.requestHash !== hash) {
    throw new ConflictError('This idempotencyKey was already used for a different request', 'input.idempotencyKey');
  }
  return stored;
}

/** A cached account id that is not in the database (cannot happen while accounts are never deleted). */
class StaleAccountIdError extends Error {}

const legKey = (leg: LedgerLeg, currency: string) => `${ownerKey(leg.owner)}:${leg.kind}:${leg.currency ?? currency}`;

/** A leg with its currency and shard decided, and the key of its account. */
interface PlannedLeg {
  leg: LedgerLeg;
  currency: string;
  shard: number;
  key: string;
}

/** Refuses an unbalanced posting (a bug of its caller, not a user error) before anything is read. */
function assertBalanced(posting: LedgerPosting) {
  const totals = new Map<string, bigint>();
  for (const leg of posting.legs) {
    const currency = leg.currency ?? posting.currency;
    totals.set(currency, (totals.get(currency) ?? 0n) + leg.amountMinor);
  }
  if ([...totals.values()].some((total) => total !== 0n) || posting.legs.length < 2) {
    throw new Error(`unbalanced posting ${posting.kind}: ${[...totals].join(' ')}`);
  }
}

/** The legs in a stable order (which leg INSUFFICIENT_FUNDS names), each with its shard chosen for this attempt. */
function planLegs(posting: LedgerPosting): PlannedLeg[] {
  assertBalanced(posting);
  const legs = [...posting.legs].sort((a, b) => legKey(a, posting.currency).localeCompare(legKey(b, posting.currency)));
  return legs.map((leg) => {
    const currency = leg.currency ?? posting.currency;
    const shard = leg.shard ?? shardFor(leg.owner, leg.kind, leg.amountMinor);
    return { leg, currency, shard, key: accountKey(leg.owner, leg.kind, currency, shard) };
  });
}

function transactionRow(posting: LedgerPosting, hash: string): TransactionRow {
  return {
    kind: posting.kind,
    description: posting.description,
    idempotencyKey: posting.idempotencyKey,
    requestHash: hash,
    reversesId: posting.reversesId ?? null,
    fxRate: posting.fx?.rate ?? null,
    fxFromCurrency: posting.fx?.from ?? null,
    fxToCurrency: posting.fx?.to ?? null,
    createdBy: posting.createdBy ?? null,
  };
}

const entriesOf = (plan: PlannedLeg[], ids: Map<string, string>): PlannedEntry[] =>
  plan.map(({ leg, currency, key }) => ({ accountId: ids.get(key)!, amountMinor: leg.amountMinor, currency }));

/** INSUFFICIENT_FUNDS naming the first leg (in plan order) whose debit the locked balance cannot take. */
function overdraftError(plan: PlannedLeg[], ids: Map<string, string>, balances: Map<string, LockedAccount>): Error {
  const change = new Map<string, bigint>();
  for (const { leg, key } of plan) change.set(ids.get(key)!, (change.get(ids.get(key)!) ?? 0n) + leg.amountMinor);
  for (const { leg, key } of plan) {
    const account = balances.get(ids.get(key)!)!;
    if (leg.amountMinor < 0n && !account.allowNegative && account.balanceMinor + change.get(account.id)! < 0n) {
      return new InsufficientFundsError(leg.field ?? 'input.amount');
    }
  }
  return new Error('the ledger refused a posting that overdraws no account');
}

/** What the posting statement said, as a transaction (undefined: the key exists) or the error to throw. */
function settle(outcome: PostingOutcome, plan: PlannedLeg[], ids: Map<string, string>): LedgerTransaction | undefined {
  if (outcome.outcome === 'written') return outcome.transaction;
  if (outcome.outcome === 'existing') return undefined;
  if (outcome.outcome === 'missing') throw new StaleAccountIdError('a ledger account id is missing');
  throw overdraftError(plan, ids, outcome.balances);
}

/**
 * One attempt. The common posting (no conditions, no afterWrite, every account id known) is one
 * statement in its own transaction: one round trip. Otherwise an interactive transaction creates
 * missing accounts, checks conditions and runs afterWrite around the same statement.
 */
async function attemptPosting(db: Db, posting: LedgerPosting, hash: string): Promise<LedgerTransaction | undefined> {
  const known = knownAccountIds(db);
  const plan = planLegs(posting);
  if (!posting.afterWrite && !posting.conditions?.length && plan.every(({ key }) => known.has(key))) {
    return settle(await runPostingStatement(db, transactionRow(posting, hash), entriesOf(plan, known), true), plan, known);
  }
  const { transaction, ids } = await db.$transaction((tx) => writePlanned(tx, posting, hash, plan, known, true), TRANSACTION_OPTIONS);
  for (const [key, id] of ids) known.set(key, id); // committed now
  return transaction;
}

/**
 * The posting inside the caller's transaction (for use-cases that change other rows with it, e.g. a
 * withdrawal): no idempotency lookup besides the unique key, no retry.
 */
export async function writeLedgerTransaction(tx: Tx, posting: LedgerPosting, hash = postingHash(posting)): Promise<LedgerTransaction> {
  const { transaction } = await writePlanned(tx, posting, hash, planLegs(posting), new Map(), false);
  return transaction!; // without skipIfExists a used key fails on the unique index instead
}

/**
 * The posting in an open transaction: accounts created when missing (`known` ids are committed ones),
 * conditions checked on the locked balances, then the posting statement and afterWrite.
 */
async function writePlanned(
  tx: Tx,
  posting: LedgerPosting,
  hash: string,
  plan: PlannedLeg[],
  known: Map<string, string>,
  skipIfExists: boolean,
) {
  const ids = new Map<string, string>();
  const accountOf = async (owner: LedgerOwner, kind: LedgerAccountKind, currency: string, shard = 0) => {
    const key = accountKey(owner, kind, currency, shard);
    const id = ids.get(key) ?? known.get(key) ?? (await ensureAccount(tx, owner, kind, currency, shard)).id;
    ids.set(key, id);
    return id;
  };
  for (const { leg, currency, shard } of plan) await accountOf(leg.owner, leg.kind, currency, shard);
  for (const condition of posting.conditions ?? []) {
    for (const kind of accountsForCondition(condition)) await accountOf(condition.owner, kind, condition.currency);
  }
  if (posting.conditions?.length) await checkLockedConditions(tx, posting.conditions, ids);
  const transaction = settle(await runPostingStatement(tx, transactionRow(posting, hash), entriesOf(plan, ids), skipIfExists), plan, ids);
  if (transaction) await posting.afterWrite?.(tx, transaction);
  return { transaction, ids };
}

/**
 * Every account involved locked in id order (concurrent postings queue on shared accounts instead of
 * deadlocking; the posting statement then takes the locks it already holds), and the conditions checked
 * on those balances: what is checked cannot change before commit.
 */
async function checkLockedConditions(tx: Tx, conditions: BalanceCondition[], ids: Map<string, string>) {
  const locked = await tx.$queryRaw<LockedAccount[]>`
    SELECT "id"::text AS "id", "balanceMinor", "allowNegative" FROM "LedgerAccount"
     WHERE "id" = ANY(${[...new Set(ids.values())]}::uuid[]) ORDER BY "id" FOR UPDATE`;
  const balances = new Map(locked.map((row) => [row.id, row]));
  const balanceOf = (owner: LedgerOwner, kind: LedgerAccountKind, currency: string) =>
    balances.get(ids.get(accountKey(owner, kind, currency)) ?? '')?.balanceMinor ?? 0n;
  checkConditions(conditions, balanceOf);
}
