import { BadUserInputError, parseAmount } from '@gametriggers/federation';
import type { MoneyInput } from '@gametriggers/federation';

/** Largest single movement, in minor units: keeps every balance far inside a GraphQL SafeInt. */
export const MAX_MOVEMENT_MINOR = 10n ** 13n;

/** A positive amount of money in minor units; `field` is the MoneyInput's path, e.g. `input.amount`. */
export function parseMovementAmount(money: MoneyInput, field: string): bigint {
  const minor = parseAmount(money.amount, money.currency, `${field}.amount`);
  if (minor <= 0n) throw new BadUserInputError(`${field}.amount`, 'amount must be greater than zero');
  if (minor > MAX_MOVEMENT_MINOR) throw new BadUserInputError(`${field}.amount`, 'amount is larger than a single movement may be');
  return minor;
}
