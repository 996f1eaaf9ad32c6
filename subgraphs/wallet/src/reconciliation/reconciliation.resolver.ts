import { Ctx, Query, Resolver } from 'type-graphql';
import { actorOf, requireAdmin } from '../access/access';
import { recordAdminAction } from '../admin/record-admin-action';
import type { Context } from '../context';
import { reconcileLedger } from './reconcile-ledger';
import type { BalanceMismatch } from './reconcile-ledger';
import { ReconciliationReportType } from './reconciliation.type';

const toNumbers = (row: BalanceMismatch) => ({ ...row, storedMinor: Number(row.storedMinor), journalMinor: Number(row.journalMinor) });

@Resolver()
export class ReconciliationResolver {
  @Query(() => ReconciliationReportType, {
    description:
      'Admins: recomputes every balance from the journal, sums every transaction, compares payouts with the provider. Reports, never fixes; the run is recorded.',
  })
  async walletReconciliation(@Ctx() ctx: Context): Promise<ReconciliationReportType> {
    const viewer = requireAdmin(ctx);
    const report = await reconcileLedger(ctx.db, ctx.payouts);
    await ctx.db.$transaction((tx) =>
      recordAdminAction(tx, {
        actor: actorOf(viewer),
        action: 'reconciliation.run',
        targetType: 'Ledger',
        targetId: 'wallet',
        details: {
          ok: report.ok,
          balanceMismatches: report.balanceMismatches.length,
          unbalancedTransactions: report.unbalancedTransactions.length,
          emptyTransactions: report.emptyTransactions.length,
          negativeBalances: report.negativeBalances.length,
          settlementMismatches: report.settlementMismatches.length,
        },
      }),
    );
    return {
      ...report,
      balanceMismatches: report.balanceMismatches.map(toNumbers),
      negativeBalances: report.negativeBalances.map(toNumbers),
      unbalancedTransactions: report.unbalancedTransactions.map((row) => ({ ...row, sumMinor: Number(row.sumMinor) })),
    };
  }
}
