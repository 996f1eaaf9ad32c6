import { BalanceConditionFailedError } from '../errors';
import { LedgerAccountKind } from '../generated/prisma/enums';
import type { LedgerOwner } from './ledger-owner';

export type BalanceName = 'AVAILABLE' | 'HELD' | 'TOTAL';
export type ConditionOperator = 'GTE' | 'GT' | 'EQ' | 'LTE' | 'LT';

/** "The owner's AVAILABLE balance in USD must be GTE 100.00", checked on the balances before the movement. */
export interface BalanceCondition {
  owner: LedgerOwner;
  balance: BalanceName;
  operator: ConditionOperator;
  amountMinor: bigint;
  currency: string;
  /** What BALANCE_CONDITION_FAILED names, e.g. `input.conditions.0`. */
  field: string;
}

/** The accounts a condition reads. */
export function accountsForCondition(condition: BalanceCondition): LedgerAccountKind[] {
  if (condition.balance === 'AVAILABLE') return [LedgerAccountKind.AVAILABLE];
  if (condition.balance === 'HELD') return [LedgerAccountKind.HELD];
  return [LedgerAccountKind.AVAILABLE, LedgerAccountKind.HELD];
}

const HOLDS: Record<ConditionOperator, (a: bigint, b: bigint) => boolean> = {
  GTE: (a, b) => a >= b,
  GT: (a, b) => a > b,
  EQ: (a, b) => a === b,
  LTE: (a, b) => a <= b,
  LT: (a, b) => a < b,
};
const SYMBOL: Record<ConditionOperator, string> = { GTE: '>=', GT: '>', EQ: '=', LTE: '<=', LT: '<' };

/** Throws BALANCE_CONDITION_FAILED for the first condition that does not hold. */
export function checkConditions(
  conditions: BalanceCondition[],
  balanceOf: (owner: LedgerOwner, kind: LedgerAccountKind, currency: string) => bigint,
): void {
  for (const condition of conditions) {
    const value = accountsForCondition(condition).reduce((sum, kind) => sum + balanceOf(condition.owner, kind, condition.currency), 0n);
    if (!HOLDS[condition.operator](value, condition.amountMinor)) {
      throw new BalanceConditionFailedError(
        condition.field,
        `The condition ${condition.balance.toLowerCase()} ${SYMBOL[condition.operator]} ${condition.amountMinor} (minor units of ${condition.currency}) does not hold`,
      );
    }
  }
}
