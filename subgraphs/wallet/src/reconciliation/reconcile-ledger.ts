import type { Db } from '../db';
import type { PayoutProvider, SettlementRecord } from '../payout/payout-provider';

export interface BalanceMismatch {
  accountId: string;
  ownerType: string;
  ownerId: string | null;
  kind: string;
  currency: string;
  storedMinor: bigint;
  journalMinor: bigint;
}

export interface UnbalancedTransaction {
  transactionId: string;
  currency: string;
  sumMinor: bigint;
}

export interface SettlementMismatch {
  withdrawalId: string | null;
  reference: string | null;
  problem: string;
}

export interface ReconciliationReport {
  ranAt: Date;
  /** True when nothing below lists a difference. */
  ok: boolean;
  accountsChecked: number;
  transactionsChecked: number;
  settlementsChecked: number;
  /** Stored balance differs from the sum of the account's entries. */
  balanceMismatches: BalanceMismatch[];
  /** A transaction whose entries do not sum to zero in a currency. */
  unbalancedTransactions: UnbalancedTransaction[];
  /** A transaction without entries. */
  emptyTransactions: string[];
  /** Accounts below zero that may not be. */
  negativeBalances: BalanceMismatch[];
  /** Withdrawals, ledger and the provider's settlement records that do not agree. */
  settlementMismatches: SettlementMismatch[];
}

/**
 * Checks the ledger against itself and the payout provider, and reports every difference; it never
 * changes anything (a difference is for a person to investigate, then correct with a reversal).
 * Every balance is recomputed from the journal, every transaction summed per currency, and every
 * payout compared with the provider's records: amount, currency, status, and the ledger step the
 * status implies.
 */
export async function reconcileLedger(db: Db, provider: PayoutProvider): Promise<ReconciliationReport> {
  const ranAt = new Date();
  const [counts] = await db.$queryRaw<{ accounts: number; transactions: number }[]>`
    SELECT (SELECT count(*)::int FROM "LedgerAccount") AS "accounts", (SELECT count(*)::int FROM "LedgerTransaction") AS "transactions"`;
  const balanceMismatches = await db.$queryRaw<BalanceMismatch[]>`
    SELECT a."id"::text AS "accountId", a."ownerType"::text AS "ownerType", a."ownerId"::text AS "ownerId", a."kind"::text AS "kind",
           a."currency", a."balanceMinor" AS "storedMinor", coalesce(sum(e."amountMinor"), 0)::bigint AS "journalMinor"
      FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a."id"
     GROUP BY a."id"
    HAVING a."balanceMinor" <> coalesce(sum(e."amountMinor"), 0)
     ORDER BY a."id"`;
  const unbalancedTransactions = await db.$queryRaw<UnbalancedTransaction[]>`
    SELECT "transactionId"::text AS "transactionId", "currency", sum("amountMinor")::bigint AS "sumMinor"
      FROM "LedgerEntry" GROUP BY "transactionId", "currency" HAVING sum("amountMinor") <> 0 ORDER BY 1, 2`;
  const empty = await db.$queryRaw<{ id: string }[]>`
    SELECT t."id"::text AS "id" FROM "LedgerTransaction" t
     WHERE NOT EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."transactionId" = t."id") ORDER BY 1`;
  const negativeBalances = await db.$queryRaw<BalanceMismatch[]>`
    SELECT a."id"::text AS "accountId", a."ownerType"::text AS "ownerType", a."ownerId"::text AS "ownerId", a."kind"::text AS "kind",
           a."currency", a."balanceMinor" AS "storedMinor", a."balanceMinor" AS "journalMinor"
      FROM "LedgerAccount" a WHERE a."balanceMinor" < 0 AND NOT a."allowNegative" ORDER BY a."id"`;
  const settlements = await provider.settlements();
  const settlementMismatches = await compareSettlements(db, settlements);
  const settlementsChecked = settlements.length;
  const report = {
    ranAt,
    accountsChecked: counts?.accounts ?? 0,
    transactionsChecked: counts?.transactions ?? 0,
    settlementsChecked,
    balanceMismatches,
    unbalancedTransactions,
    emptyTransactions: empty.map((row) => row.id),
    negativeBalances,
    settlementMismatches,
  };
  const ok =
    !balanceMismatches.length &&
    !unbalancedTransactions.length &&
    !empty.length &&
    !negativeBalances.length &&
    !settlementMismatches.length;
  return { ...report, ok };
}

async function compareSettlements(db: Db, settlements: SettlementRecord[]): Promise<SettlementMismatch[]> {
  const problems: SettlementMismatch[] = [];
  const records = new Map(settlements.map((record) => [record.reference, record]));
  const withdrawals = await db.withdrawal.findMany({ where: { status: { in: ['PROCESSING', 'PAID', 'FAILED'] } } });
  const steps = await db.$queryRaw<{ key: string; amountMinor: bigint }[]>`
    SELECT t."idempotencyKey" AS "key", sum(greatest(e."amountMinor", 0))::bigint AS "amountMinor"
      FROM "LedgerTransaction" t JOIN "LedgerEntry" e ON e."transactionId" = t."id"
     WHERE t."idempotencyKey" LIKE 'withdrawal:%' GROUP BY t."idempotencyKey"`;
  const stepAmount = new Map(steps.map((step) => [step.key, step.amountMinor]));
  const seen = new Set<string>();
  const stuckBefore = Date.now() - 3_600_000;
  for (const withdrawal of withdrawals) {
    const reference = withdrawal.providerReference;
    const problem = (text: string) => problems.push({ withdrawalId: withdrawal.id, reference, problem: text });
    const ledgerStep = withdrawal.status === 'PAID' ? 'paid' : withdrawal.status === 'FAILED' ? 'returned' : 'processing';
    if (stepAmount.get(`withdrawal:${withdrawal.id}:${ledgerStep}`) !== withdrawal.amountMinor) {
      problem(`the ledger has no ${ledgerStep} transaction of ${withdrawal.amountMinor}`);
    }
    if (!reference) {
      // Refused at submission (FAILED without a reference) is fine; PAID without one, or PROCESSING for an hour, is not.
      if (withdrawal.status === 'PAID') problem('PAID without a provider reference');
      if (withdrawal.status === 'PROCESSING' && withdrawal.updatedAt.getTime() < stuckBefore)
        problem('PROCESSING for an hour without reaching the provider');
      continue;
    }
    seen.add(reference);
    const record = records.get(reference);
    if (!record) {
      problem('the provider has no payout with this reference');
      continue;
    }
    if (record.withdrawalId !== withdrawal.id) problem(`the provider's payout is for withdrawal ${record.withdrawalId}`);
    if (record.amountMinor !== withdrawal.amountMinor || record.currency !== withdrawal.currency) {
      problem(`amount differs: provider ${record.amountMinor} ${record.currency}, wallet ${withdrawal.amountMinor} ${withdrawal.currency}`);
    }
    const expected = { PAID: 'PAID', FAILED: 'FAILED' }[withdrawal.status as 'PAID' | 'FAILED'];
    if (expected && record.status !== expected) problem(`status differs: provider ${record.status}, wallet ${withdrawal.status}`);
    if (withdrawal.status === 'PROCESSING' && record.status !== 'PENDING') {
      // Settled by the provider but not yet by the wallet's settle job: in flight, reported only if it stays.
      if (withdrawal.updatedAt.getTime() < stuckBefore)
        problem(`settled ${record.status} at the provider an hour ago, still PROCESSING here`);
    }
  }
  for (const record of records.values()) {
    if (!seen.has(record.reference))
      problems.push({ withdrawalId: record.withdrawalId, reference: record.reference, problem: 'no withdrawal carries this payout' });
  }
  return problems;
}
