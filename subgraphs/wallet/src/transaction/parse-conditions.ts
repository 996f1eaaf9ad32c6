import { BadUserInputError } from '@gametriggers/federation';
import type { WalletConfig } from '../config';
import type { BalanceCondition } from '../ledger/balance-condition';
import type { LedgerOwner } from '../ledger/ledger-owner';
import { parseMinor, walletCurrency } from '../ledger/parse-movement-amount';
import type { BalanceConditionInput, LedgerOwnerInput } from './ledger-transaction.inputs';

export const ownerOfInput = (owner: LedgerOwnerInput): LedgerOwner => ({
  ownerType: owner.ownerType,
  ownerId: owner.ownerId.toLowerCase(),
});

/** The conditions of a request, at `input.conditions.<i>`; a condition without an owner is on `defaultOwner`. */
export function parseConditions(
  config: WalletConfig,
  inputs: BalanceConditionInput[] | null | undefined,
  defaultOwner: LedgerOwner,
): BalanceCondition[] {
  if ((inputs?.length ?? 0) > 10) throw new BadUserInputError('input.conditions', 'at most 10 conditions');
  return (inputs ?? []).map((input, index) => {
    const field = `input.conditions.${index}`;
    const exponent = walletCurrency(config, input.amount.currency, `${field}.amount.currency`);
    return {
      owner: input.owner ? ownerOfInput(input.owner) : defaultOwner,
      balance: input.balance,
      operator: input.operator,
      amountMinor: parseMinor(input.amount.amount, input.amount.currency, exponent, `${field}.amount.amount`),
      currency: input.amount.currency,
      field,
    };
  });
}
