import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, isRetryableConflict, isUniqueViolation } from '@gametriggers/federation';
import type { Db } from '../db';
import { InsufficientFundsError } from '../errors';
import type { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { Prisma } from '../generated/prisma/client';
import type { LedgerTransaction } from '../generated/prisma/client';
import { ensureAccount } from './ensure-account';
import { ownerKey } from './ledger-owner';
import type { LedgerOwner } from './ledger-owner';
import { requestHash } from './request-hash';

/** One side of a movement: an amount credited (> 0) or debited (< 0) to an owner's account of a kind. */
export interface LedgerLeg {
  owner: LedgerOwner;
  kind: LedgerAccountKind;
  amountMinor: bigint;
  /** The input field INSUFFICIENT_FUNDS names when this debit would overdraw the account. */
  field?: string;
}

export interface LedgerPosting {
  kind: LedgerTransactionKind;
  description: string;
  /** The client's key: one movement per key, however often or concurrently it is sent. */
  idempotencyKey: string;
  currency: string;
  /** Must sum to zero (the database checks again at commit). */
  legs: LedgerLeg[];
  /** Every parameter that defines the request; a retry must repeat them exactly. */
  request: Record<string, unknown>;
}

const MAX_ATTEMPTS = 5;
/**
 * READ COMMITTED (PostgreSQL's default, stated here because the design relies on it): a conditional UPDATE
 * that waited for a row lock re-checks its WHERE against the committed row, and a read after an
 * ON CONFLICT DO NOTHING sees the row another transaction just committed.
 * Generous waits: under load a transaction may queue for a pooled connection and for hot account rows.
 */
const TRANSACTION_OPTIONS = { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 15_000, timeout: 30_000 };

/**
 * Writes a balanced ledger transaction: its row, its entries and the account balances, in one database
 * transaction. Idempotent: the same key and parameters return the stored transaction and move nothing;
 * the same key with other parameters fails with CONFLICT. Debits overdrawing an account fail with
 * INSUFFICIENT_FUNDS and write nothing.
 */
export async function postLedgerTransaction(db: Db, posting: LedgerPosting): Promise<LedgerTransaction> {
  const total = posting.legs.reduce((sum, leg) => sum + leg.amountMinor, 0n);
  if (total !== 0n || posting.legs.length < 2) throw new Error(`unbalanced posting ${posting.kind}: ${total}`);
  const hash = requestHash({ kind: posting.kind, currency: posting.currency, ...posting.request });

  const stored = await findByKey(db, posting.idempotencyKey, hash);
  if (stored) return stored;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction((tx) => write(tx, posting, hash), TRANSACTION_OPTIONS);
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

async function findByKey(db: Db, idempotencyKey: string, hash: string) {
  const stored = await db.ledgerTransaction.findUnique({ where: { idempotencyKey } });
  if (stored && stored.requestHash !== hash) {
    throw new ConflictError('This idempotencyKey was already used for a different request', 'input.idempotencyKey');
  }
  return stored;
}

async function write(tx: Prisma.TransactionClient, posting: LedgerPosting, hash: string) {
  // First the row with the unique key: a concurrent duplicate waits here and then fails, before touching money.
  const transaction = await tx.ledgerTransaction.create({
    data: { kind: posting.kind, description: posting.description, idempotencyKey: posting.idempotencyKey, requestHash: hash },
  });
  // Accounts in a fixed order, then balance updates in account-id order: concurrent postings lock rows
  // in the same order, so they queue instead of deadlocking.
  const legs = [...posting.legs].sort((a, b) => legKey(a).localeCompare(legKey(b)));
  const accounts = [];
  for (const leg of legs) accounts.push({ leg, account: await ensureAccount(tx, leg.owner, leg.kind, posting.currency) });
  accounts.sort((a, b) => a.account.id.localeCompare(b.account.id));
  for (const { leg, account } of accounts) await applyToBalance(tx, account.id, leg);
  await tx.ledgerEntry.createMany({
    data: accounts.map(({ leg, account }) => ({
      transactionId: transaction.id,
      accountId: account.id,
      amountMinor: leg.amountMinor,
      currency: posting.currency,
    })),
  });
  return transaction;
}

const legKey = (leg: LedgerLeg) => `${ownerKey(leg.owner)}:${leg.kind}`;

/** One atomic UPDATE: the debit happens only if the balance covers it, so no read-modify-write race. */
async function applyToBalance(tx: Prisma.TransactionClient, accountId: string, leg: LedgerLeg) {
  const updated = await tx.$executeRaw`
    UPDATE "LedgerAccount"
       SET "balanceMinor" = "balanceMinor" + ${leg.amountMinor}::bigint, "version" = "version" + 1
     WHERE "id" = ${accountId}::uuid AND ("allowNegative" OR "balanceMinor" + ${leg.amountMinor}::bigint >= 0)`;
  if (updated !== 1) throw new InsufficientFundsError(leg.field ?? 'input.amount');
}
