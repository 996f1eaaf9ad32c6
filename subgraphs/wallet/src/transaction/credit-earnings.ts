import type { WalletDeps } from '../ledger/wallet-deps';
import type { CreditEarningsInput } from './ledger-transaction.inputs';
import { payEarnings } from './pay-earnings';

/** The GraphQL creditEarnings: payEarnings, announced with an EarningsCredited event in the same transaction. */
export function creditEarnings(deps: WalletDeps, input: CreditEarningsInput, createdBy: string | null) {
  return payEarnings(deps, input, createdBy);
}
