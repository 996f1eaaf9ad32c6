import { BadUserInputError } from '@gametriggers/federation';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { convertMinor, fxRate } from '../ledger/fx-rate';
import { PLATFORM } from '../ledger/ledger-owner';
import { parseMovementAmount, walletCurrency } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { ConvertCurrencyInput } from './ledger-transaction.inputs';
import { ownerOfInput } from './parse-conditions';

/**
 * Sells available money of one currency for another at the configured rate, which is stored on the
 * transaction. Four entries, zero per currency: the owner's FROM money goes to the platform's FX
 * position in FROM, the platform's FX position in TO pays the owner. Rounded down to the minor unit.
 */
export async function convertCurrency({ db, config }: WalletDeps, input: ConvertCurrencyInput, createdBy: string | null = null) {
  const from = input.amount.currency;
  const to = input.toCurrency;
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const toExponent = walletCurrency(config, to, 'input.toCurrency');
  if (from === to) throw new BadUserInputError('input.toCurrency', 'a conversion needs two different currencies');
  const rate = fxRate(config, from, to, 'input.toCurrency');
  const boughtMinor = convertMinor(amountMinor, rate, config.currencies[from]!, toExponent);
  if (boughtMinor <= 0n) throw new BadUserInputError('input.amount.amount', `the amount buys nothing at ${rate} ${to} per ${from}`);
  const owner = ownerOfInput(input.owner);
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.CONVERSION,
    description: `Conversion ${from} -> ${to} at ${rate}`,
    idempotencyKey: input.idempotencyKey,
    currency: from,
    // Not the rate: a retry after the configured rate changed is still the same request (it gets the stored one).
    request: { owner, amountMinor, to },
    fx: { rate, from, to },
    createdBy,
    legs: [
      { owner, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: PLATFORM, kind: LedgerAccountKind.FX_POSITION, amountMinor },
      { owner: PLATFORM, kind: LedgerAccountKind.FX_POSITION, amountMinor: -boughtMinor, currency: to },
      { owner, kind: LedgerAccountKind.AVAILABLE, amountMinor: boughtMinor, currency: to },
    ],
  });
}
