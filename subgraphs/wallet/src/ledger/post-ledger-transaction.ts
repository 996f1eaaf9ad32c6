import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, isRetryableConflict, isUniqueViolation } from '@gametriggers/federation';
import type { Db } from '../db';
import { InsufficientFundsError } from '../errors';
import type { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { Prisma } from '../generated/prisma/client';
import type { LedgerTransaction } from '../generated/prisma/client';
import { accountsForCondition, checkConditions } from './balance-condition';
import type { BalanceCondition } from './balance-condition';
import { ensureAccount } from './ensure-account';
import { ownerKey, shardFor } from './ledger-owner';
import type { LedgerOwner } from './ledger-owner';
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
  const stored = await findByKey(db, posting.idempotencyKey, hash);
  if (stored) return stored;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction((tx) => writeLedgerTransaction(tx, posting, hash), TRANSACTION_OPTIONS);
    } catch (error) {
      // A concurrent request with the same key committed first: answer with its transaction.
      if (isUniqueViolation(error)) {
        const winner = await findByKey(db, posting.idempotencyKey, hash);
        if (winner) return winner;
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

const legKey = (leg: LedgerLeg, currency: string) => `${ownerKey(leg.owner)}:${leg.kind}:${leg.currency ?? currency}`;

interface LockedAccount {
  id: string;
  balanceMinor: bigint;
  allowNegative: boolean;
}

/**
 * The posting inside the caller's transaction (for use-cases that change other rows with it, e.g. a
 * withdrawal): no idempotency lookup besides the unique key, no retry.
 */
export async function writeLedgerTransaction(tx: Tx, posting: LedgerPosting, hash = postingHash(posting)): Promise<LedgerTransaction> {
  const totals = new Map<string, bigint>();
  for (const leg of posting.legs) {
    const currency = leg.currency ?? posting.currency;
    totals.set(currency, (totals.get(currency) ?? 0n) + leg.amountMinor);
  }
  if ([...totals.values()].some((total) => total !== 0n) || posting.legs.length < 2) {
    throw new Error(`unbalanced posting ${posting.kind}: ${[...totals].join(' ')}`);
  }
  // First the row with the unique key: a concurrent duplicate waits here and then fails, before touching money.
  const transaction = await tx.ledgerTransaction.create({
    data: {
      kind: posting.kind,
      description: posting.description,
      idempotencyKey: posting.idempotencyKey,
      requestHash: hash,
      reversesId: posting.reversesId ?? null,
      fxRate: posting.fx?.rate ?? null,
      fxFromCurrency: posting.fx?.from ?? null,
      fxToCurrency: posting.fx?.to ?? null,
      createdBy: posting.createdBy ?? null,
    },
  });

  const legs = [...posting.legs].sort((a, b) => legKey(a, posting.currency).localeCompare(legKey(b, posting.currency)));
  const accountIds = new Map<string, string>();
  const accountOf = async (owner: LedgerOwner, kind: LedgerAccountKind, currency: string, shard = 0) => {
    const key = `${ownerKey(owner)}:${kind}:${currency}:${shard}`;
    let id = accountIds.get(key);
    if (!id) {
      id = (await ensureAccount(tx, owner, kind, currency, shard)).id;
      accountIds.set(key, id);
    }
    return id;
  };
  const legAccounts: { leg: LedgerLeg; accountId: string; currency: string }[] = [];
  for (const leg of legs) {
    const currency = leg.currency ?? posting.currency;
    const shard = leg.shard ?? shardFor(leg.owner, leg.kind, leg.amountMinor);
    legAccounts.push({ leg, currency, accountId: await accountOf(leg.owner, leg.kind, currency, shard) });
  }
  for (const condition of posting.conditions ?? []) {
    for (const kind of accountsForCondition(condition)) await accountOf(condition.owner, kind, condition.currency);
  }

  // Every account involved locked in id order: concurrent postings queue on shared accounts instead of
  // deadlocking, and what is checked below cannot change before commit.
  const locked = await tx.$queryRaw<LockedAccount[]>`
    SELECT "id"::text AS "id", "balanceMinor", "allowNegative" FROM "LedgerAccount"
     WHERE "id" = ANY(${[...new Set(accountIds.values())]}::uuid[]) ORDER BY "id" FOR UPDATE`;
  const balances = new Map(locked.map((row) => [row.id, row]));
  const balanceOf = (owner: LedgerOwner, kind: LedgerAccountKind, currency: string) =>
    balances.get(accountIds.get(`${ownerKey(owner)}:${kind}:${currency}:0`) ?? '')?.balanceMinor ?? 0n;
  checkConditions(posting.conditions ?? [], balanceOf);

  const change = new Map<string, bigint>();
  for (const { leg, accountId } of legAccounts) change.set(accountId, (change.get(accountId) ?? 0n) + leg.amountMinor);
  for (const { leg, accountId } of legAccounts) {
    const account = balances.get(accountId)!;
    if (leg.amountMinor < 0n && !account.allowNegative && account.balanceMinor + change.get(accountId)! < 0n) {
      throw new InsufficientFundsError(leg.field ?? 'input.amount');
    }
  }

  legAccounts.sort((a, b) => a.accountId.localeCompare(b.accountId));
  await tx.ledgerEntry.createMany({
    data: legAccounts.map(({ leg, accountId, currency }) => ({
      transactionId: transaction.id,
      accountId,
      amountMinor: leg.amountMinor,
      currency,
    })),
  });
  await posting.afterWrite?.(tx, transaction);
  return transaction;
}
