import { BadUserInputError } from '@gametriggers/federation';
import type { MoneyInput } from '@gametriggers/federation';
import type { WalletConfig } from '../config';

/** Largest single movement, in minor units: keeps every balance far inside a GraphQL SafeInt. */
export const MAX_MOVEMENT_MINOR = 10n ** 13n;

/** The exponent of a currency the wallet supports (configuration), or BAD_USER_INPUT on `field`. */
export function walletCurrency(config: WalletConfig, currency: string, field: string): number {
  const exponent = config.currencies[currency];
  if (exponent === undefined) throw new BadUserInputError(field, `${currency} is not a currency the wallet supports`);
  return exponent;
}

/** A non-negative decimal string -> minor units, exactly (never through a float). */
export function parseMinor(amount: string, currency: string, exponent: number, field: string): bigint {
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(amount);
  if (!match) throw new BadUserInputError(field, `${amount} is not a non-negative decimal amount`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) throw new BadUserInputError(field, `${currency} amounts have at most ${exponent} decimal places`);
  return BigInt(whole + fraction.padEnd(exponent, '0'));
}

/** A positive amount of money in minor units; `field` is the MoneyInput's path, e.g. `input.amount`. */
export function parseMovementAmount(config: WalletConfig, money: MoneyInput, field: string): bigint {
  const exponent = walletCurrency(config, money.currency, `${field}.currency`);
  const minor = parseMinor(money.amount, money.currency, exponent, `${field}.amount`);
  if (minor <= 0n) throw new BadUserInputError(`${field}.amount`, 'amount must be greater than zero');
  if (minor > MAX_MOVEMENT_MINOR) throw new BadUserInputError(`${field}.amount`, 'amount is larger than a single movement may be');
  return minor;
}
