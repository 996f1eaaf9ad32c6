/**
 * npm run wallet:reconcile [-- --json]
 * Reconciles the wallet's ledger (DATABASE_URL, default the local gametriggers_wallet database) and
 * prints the report; exits 1 when a difference was found, 2 when it could not run. Changes nothing.
 */
import { createDb } from '../db';
import { SandboxPayoutProvider } from '../payout/sandbox-payout-provider';
import { reconcileLedger } from '../reconciliation/reconcile-ledger';

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/gametriggers_wallet';
const json = process.argv.includes('--json');
const db = createDb(databaseUrl);
try {
  const report = await reconcileLedger(db, new SandboxPayoutProvider(db));
  if (json) {
    console.log(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2));
  } else {
    const lines = [
      `wallet reconciliation at ${report.ranAt.toISOString()}: ${report.ok ? 'OK' : 'DIFFERENCES FOUND'}`,
      `  checked ${report.accountsChecked} accounts, ${report.transactionsChecked} transactions, ${report.settlementsChecked} provider settlements`,
      ...report.balanceMismatches.map(
        (m) =>
          `  balance ${m.accountId} (${m.ownerType} ${m.ownerId ?? ''} ${m.kind} ${m.currency}): stored ${m.storedMinor}, journal ${m.journalMinor}`,
      ),
      ...report.unbalancedTransactions.map((t) => `  unbalanced transaction ${t.transactionId}: ${t.sumMinor} ${t.currency} left over`),
      ...report.emptyTransactions.map((id) => `  transaction ${id} has no entries`),
      ...report.negativeBalances.map((m) => `  negative balance ${m.accountId} (${m.kind} ${m.currency}): ${m.storedMinor}`),
      ...report.settlementMismatches.map((s) => `  payout ${s.reference ?? '-'} (withdrawal ${s.withdrawalId ?? '-'}): ${s.problem}`),
    ];
    console.log(lines.join('\n'));
  }
  await db.$disconnect();
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  console.error(`wallet reconciliation could not run: ${(error as Error).message}`);
  await db.$disconnect().catch(() => {});
  process.exit(2);
}
