import { BadUserInputError } from '@gametriggers/federation';
import type { WalletConfig } from '../config';

/** An exact decimal as a fraction: "1.0865" -> 10865 / 10000. */
interface Ratio {
  numerator: bigint;
  denominator: bigint;
}

const INVERSE_DECIMALS = 12;

function ratioOf(decimal: string): Ratio {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

function decimalOf(value: bigint, decimals: number): string {
  const digits = value.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * The rate to convert `from` into `to` (units of `to` per unit of `from`), as the exact decimal that
 * will be stored on the transaction: the configured pair, or the inverse of the reverse pair
 * truncated to 12 decimals. BAD_USER_INPUT on `field` when the wallet has no rate for the pair.
 */
export function fxRate(config: WalletConfig, from: string, to: string, field: string): string {
  const direct = config.fxRates[`${from}/${to}`];
  if (direct) return direct;
  const reverse = config.fxRates[`${to}/${from}`];
  if (!reverse) throw new BadUserInputError(field, `there is no exchange rate from ${from} to ${to}`);
  const { numerator, denominator } = ratioOf(reverse);
  if (numerator === 0n) throw new BadUserInputError(field, `the exchange rate ${to}/${from} is zero`);
  return decimalOf((denominator * 10n ** BigInt(INVERSE_DECIMALS)) / numerator, INVERSE_DECIMALS);
}

/**
 * `amountMinor` of a currency with exponent `fromExponent`, converted at `rate` into minor units of a
 * currency with exponent `toExponent`: exact rational arithmetic on BigInt, rounded down to the minor
 * unit (the owner never receives a fraction of a cent the platform does not have).
 */
export function convertMinor(amountMinor: bigint, rate: string, fromExponent: number, toExponent: number): bigint {
  const { numerator, denominator } = ratioOf(rate);
  return (amountMinor * numerator * 10n ** BigInt(toExponent)) / (denominator * 10n ** BigInt(fromExponent));
}
