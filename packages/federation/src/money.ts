import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Matches } from 'class-validator';
import { BadUserInputError } from './errors';

/** ISO 4217 currencies we accept, with their minor-unit exponent (USD cents: 2, JPY: 0). */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  BRL: 2,
  MXN: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CHF: 2,
  JPY: 0,
  KRW: 0,
};

export function currencyExponent(currency: string, field = 'currency'): number {
  const exponent = CURRENCY_EXPONENTS[currency];
  if (exponent === undefined) throw new BadUserInputError(field, `${currency} is not a supported currency`);
  return exponent;
}

/** "1500.5" USD -> 150050n, exactly: the decimal string never passes through a float. */
export function parseAmount(amount: string, currency: string, field = 'amount'): bigint {
  const exponent = currencyExponent(currency, field.replace(/amount$/, 'currency'));
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(amount);
  if (!match) throw new BadUserInputError(field, `${amount} is not a non-negative decimal amount`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new BadUserInputError(field, `${currency} amounts have at most ${exponent} decimal places`);
  }
  return BigInt(whole + fraction.padEnd(exponent, '0'));
}

/** 150050n USD -> "1500.50". */
export function formatAmount(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(-exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

@ObjectType({ description: 'An exact amount of money: minor units (cents) and its decimal form.' })
@Directive('@shareable')
export class Money {
  @Field(() => String, { description: 'ISO 4217 code, e.g. USD.' })
  currency!: string;

  @Field(() => GraphQLSafeInt, { description: 'Amount in minor units (cents for USD, yen for JPY).' })
  amountMinor!: number;

  @Field(() => String, { description: 'Amount as an exact decimal string, e.g. "1500.00".' })
  amount!: string;

  static of(minor: bigint, currency: string): Money {
    if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`amount ${minor} does not fit a SafeInt`);
    }
    return Object.assign(new Money(), { currency, amountMinor: Number(minor), amount: formatAmount(minor, currency) });
  }
}

@InputType({ description: 'An amount as a decimal string in a currency: { amount: "1500.00", currency: "USD" }.' })
export class MoneyInput {
  @Field(() => String)
  amount!: string;

  @Field(() => String)
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency!: string;
}
