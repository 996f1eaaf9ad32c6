import { CURRENCY_EXPONENTS } from '@gametriggers/federation';
import { z } from 'zod';

/** Withdrawal limits of one currency, in minor units. */
export interface WithdrawalLimits {
  /** Largest single withdrawal. */
  perTransactionMinor: bigint;
  /** Sum of a streamer's withdrawals (not rejected or failed) since 00:00 UTC, this one included. */
  perDayMinor: bigint;
  /** Same since the 1st of the month, 00:00 UTC. */
  perMonthMinor: bigint;
  /** Withdrawals above this need an admin's approval (by an admin other than the requester). */
  approvalAboveMinor: bigint;
}

export interface WalletConfig {
  /** Supported currencies and their exponents (digits after the decimal point). */
  currencies: Readonly<Record<string, number>>;
  /** Per currency; a currency without limits cannot be withdrawn. */
  withdrawalLimits: Readonly<Record<string, WithdrawalLimits>>;
  /** Per currency: a transaction moving at least this much shows in the admins' large-transactions queue. */
  largeTransactionMinor: Readonly<Record<string, bigint>>;
  /** `FROM/TO` -> units of TO per unit of FROM, exact decimal strings. The reverse pair is derived when absent. */
  fxRates: Readonly<Record<string, string>>;
  /** How long the sandbox payout provider takes to settle a payout. */
  payoutSettleDelayMs: number;
  /** The platform's share of released campaign earnings, in basis points (1000 = 10 %). */
  earningsFeeBasisPoints: number;
}

/** Defaults: six major currencies plus JPY and CHF. Amounts are decimal strings in the currency. */
const DEFAULT_CURRENCIES = 'USD:2,EUR:2,GBP:2,CAD:2,AUD:2,CHF:2,SEK:2,JPY:0';
const DEFAULT_LIMITS: Record<string, Record<'perTransaction' | 'perDay' | 'perMonth' | 'approvalAbove', string>> = {
  USD: { perTransaction: '10000', perDay: '20000', perMonth: '50000', approvalAbove: '1000' },
  EUR: { perTransaction: '10000', perDay: '20000', perMonth: '50000', approvalAbove: '1000' },
  GBP: { perTransaction: '8000', perDay: '16000', perMonth: '40000', approvalAbove: '800' },
  CAD: { perTransaction: '13000', perDay: '26000', perMonth: '65000', approvalAbove: '1300' },
  AUD: { perTransaction: '15000', perDay: '30000', perMonth: '75000', approvalAbove: '1500' },
  CHF: { perTransaction: '9000', perDay: '18000', perMonth: '45000', approvalAbove: '900' },
  SEK: { perTransaction: '100000', perDay: '200000', perMonth: '500000', approvalAbove: '10000' },
  JPY: { perTransaction: '1500000', perDay: '3000000', perMonth: '7500000', approvalAbove: '150000' },
};
const DEFAULT_LARGE: Record<string, string> = {
  USD: '10000',
  EUR: '10000',
  GBP: '8000',
  CAD: '13000',
  AUD: '15000',
  CHF: '9000',
  SEK: '100000',
  JPY: '1500000',
};
const DEFAULT_FX: Record<string, string> = {
  'EUR/USD': '1.0865',
  'GBP/USD': '1.2710',
  'USD/JPY': '151.25',
  'USD/CAD': '1.3650',
  'USD/CHF': '0.8820',
  'AUD/USD': '0.6550',
  'USD/SEK': '10.4500',
  'EUR/GBP': '0.8550',
};

const decimal = z.string().regex(/^\d{1,15}(\.\d{1,18})?$/, 'a non-negative decimal string');
const limitsSchema = z.object({ perTransaction: decimal, perDay: decimal, perMonth: decimal, approvalAbove: decimal });
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const envSchema = z.object({
  /** `CODE:exponent,...`; each must be an ISO 4217 currency the graph's Money knows, with its exponent. */
  WALLET_CURRENCIES: z.string().default(DEFAULT_CURRENCIES),
  /** JSON `{ "USD": { "perTransaction": "10000", "perDay": ..., "perMonth": ..., "approvalAbove": ... } }`, merged over the defaults. */
  WALLET_WITHDRAWAL_LIMITS: json(z.record(z.string(), limitsSchema)).optional(),
  /** JSON `{ "USD": "10000" }`, merged over the defaults. */
  WALLET_LARGE_TRANSACTION: json(z.record(z.string(), decimal)).optional(),
  /** JSON `{ "EUR/USD": "1.0865" }`, merged over the defaults. */
  WALLET_FX_RATES: json(z.record(z.string().regex(/^[A-Z]{3}\/[A-Z]{3}$/), decimal)).optional(),
  WALLET_PAYOUT_SETTLE_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(2000),
  /** The platform's fee on released campaign earnings, in basis points (1000 = 10 %). */
  WALLET_EARNINGS_FEE_BASIS_POINTS: z.coerce.number().int().min(0).max(9999).default(1000),
});

/** "12.5" with exponent 2 -> 1250n; more decimals than the currency has is a configuration error. */
export function decimalToMinor(value: string, exponent: number, what: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  if (fraction.replace(/0+$/, '').length > exponent) throw new Error(`wallet config: ${what} has more than ${exponent} decimals`);
  return BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
}

function parseCurrencies(text: string): Record<string, number> {
  const currencies: Record<string, number> = {};
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Z]{3}):(\d)$/.exec(item);
    if (!match) throw new Error(`wallet config: WALLET_CURRENCIES item "${item}" is not CODE:exponent`);
    const [, code = '', exponent = ''] = match;
    // Money formats amounts with the graph's exponent table: a different exponent here would misprint every amount.
    if (CURRENCY_EXPONENTS[code] !== Number(exponent)) {
      throw new Error(`wallet config: ${code} with exponent ${exponent} is not a currency the graph's Money supports`);
    }
    currencies[code] = Number(exponent);
  }
  if (!Object.keys(currencies).length) throw new Error('wallet config: WALLET_CURRENCIES is empty');
  return currencies;
}

/** The wallet's settings from the environment, read once at start; invalid settings stop the start. */
export function loadWalletConfig(env: NodeJS.ProcessEnv = process.env): WalletConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`wallet: invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const values = parsed.data;
  const currencies = parseCurrencies(values.WALLET_CURRENCIES);
  const limits = { ...DEFAULT_LIMITS, ...values.WALLET_WITHDRAWAL_LIMITS };
  const large = { ...DEFAULT_LARGE, ...values.WALLET_LARGE_TRANSACTION };
  const withdrawalLimits: Record<string, WithdrawalLimits> = {};
  const largeTransactionMinor: Record<string, bigint> = {};
  for (const [code, exponent] of Object.entries(currencies)) {
    const limit = limits[code];
    if (limit) {
      withdrawalLimits[code] = {
        perTransactionMinor: decimalToMinor(limit.perTransaction, exponent, `${code} perTransaction`),
        perDayMinor: decimalToMinor(limit.perDay, exponent, `${code} perDay`),
        perMonthMinor: decimalToMinor(limit.perMonth, exponent, `${code} perMonth`),
        approvalAboveMinor: decimalToMinor(limit.approvalAbove, exponent, `${code} approvalAbove`),
      };
    }
    const threshold = large[code];
    if (threshold) largeTransactionMinor[code] = decimalToMinor(threshold, exponent, `${code} large transaction`);
  }
  return {
    currencies,
    withdrawalLimits,
    largeTransactionMinor,
    fxRates: { ...DEFAULT_FX, ...values.WALLET_FX_RATES },
    payoutSettleDelayMs: values.WALLET_PAYOUT_SETTLE_DELAY_MS,
    earningsFeeBasisPoints: values.WALLET_EARNINGS_FEE_BASIS_POINTS,
  };
}
