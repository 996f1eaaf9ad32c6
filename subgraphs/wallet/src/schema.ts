import { buildFederatedSchema } from '@gametriggers/federation';
import { LargeTransactionsResolver } from './admin/large-transactions.resolver';
import { CampaignBudgetResolver } from './budget/budget-reservation.resolver';
import { CampaignReference } from './budget/budget-reservation.type';
import { BrandWalletResolver, StreamerWalletResolver } from './owner/owner-wallet.resolver';
import { BrandReference, StreamerReference } from './owner/owner.stand-ins';
import { PaymentMethodResolver } from './payment-method/payment-method.resolver';
import { ReconciliationResolver } from './reconciliation/reconciliation.resolver';
import { StatementResolver } from './statement/statement.resolver';
import { resolveLedgerTransactionReference } from './transaction/ledger-transaction.reference';
import { LedgerTransactionResolver } from './transaction/ledger-transaction.resolver';
import { resolveWalletReference } from './wallet/wallet.reference';
import { WalletResolver } from './wallet/wallet.resolver';
import { resolveWithdrawalReference } from './withdrawal/withdrawal.reference';
import { WithdrawalResolver } from './withdrawal/withdrawal.resolver';

export const buildWalletSchema = () =>
  buildFederatedSchema({
    resolvers: [
      WalletResolver,
      LedgerTransactionResolver,
      BrandWalletResolver,
      StreamerWalletResolver,
      WithdrawalResolver,
      PaymentMethodResolver,
      StatementResolver,
      ReconciliationResolver,
      LargeTransactionsResolver,
      CampaignBudgetResolver,
    ],
    // Stand-ins are reachable from no query: name them, or the schema leaves them out.
    orphanedTypes: [BrandReference, StreamerReference, CampaignReference],
    references: {
      Wallet: resolveWalletReference as never,
      LedgerTransaction: resolveLedgerTransactionReference as never,
      Withdrawal: resolveWithdrawalReference as never,
    },
  });
