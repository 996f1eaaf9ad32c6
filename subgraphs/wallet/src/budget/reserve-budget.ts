import { formatAmount } from '@gametriggers/federation';
import { BudgetReservationFailed, BudgetReserved, writeEvent } from '@gametriggers/events';
import type { BudgetReservationRequested, EventData } from '@gametriggers/events';
import type { WalletConfig } from '../config';
import { InsufficientFundsError } from '../errors';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { brandOwner } from '../ledger/ledger-owner';
import { writeLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { Tx } from '../ledger/post-ledger-transaction';

/** The ledger keys of budget movements (clients may not use the prefix). */
export const BUDGET_KEY_PREFIX = 'campaign-budget:';

/**
 * campaign.budget.reservation-requested, in the consumer's inbox transaction: holds the campaign's
 * budget out of the brand's available money (AVAILABLE -> HELD) and records the reservation, with
 * wallet.budget.reserved; or, when the brand has less available (or the currency is not one the
 * wallet keeps), records a FAILED reservation with wallet.budget.reservation-failed and moves nothing.
 * The hold runs under a savepoint so a refused posting leaves no trace in the inbox transaction.
 * A redelivered request finds its reservation and does nothing.
 */
export async function reserveBudget(tx: Tx, config: WalletConfig, request: EventData<typeof BudgetReservationRequested>): Promise<void> {
  if (await tx.budgetReservation.findUnique({ where: { id: request.reservationId } })) return;
  const amountMinor = BigInt(request.amountMinor);
  const brand = brandOwner(request.brandId.toLowerCase());
  const base = {
    id: request.reservationId,
    campaignId: request.campaignId,
    brandId: brand.ownerId!,
    currency: request.currency,
    amountMinor,
  };
  if (config.currencies[request.currency] === undefined) {
    await recordFailure(tx, request, 'UNSUPPORTED_CURRENCY', null, `${request.currency} is not a currency the wallet keeps`);
    return;
  }
  await tx.$executeRawUnsafe('SAVEPOINT budget_reservation');
  try {
    const hold = await writeLedgerTransaction(tx, {
      kind: LedgerTransactionKind.HOLD,
      description: `Budget of campaign ${request.campaignId}`,
      idempotencyKey: `${BUDGET_KEY_PREFIX}${request.reservationId}:hold`,
      currency: request.currency,
      request: { brandId: brand.ownerId, amountMinor, campaignId: request.campaignId },
      createdBy: 'SERVICE:campaign',
      legs: [
        { owner: brand, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'amount' },
        { owner: brand, kind: LedgerAccountKind.HELD, amountMinor },
      ],
    });
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT budget_reservation');
    await tx.budgetReservation.create({ data: { ...base, status: 'RESERVED', holdTransactionId: hold.id } });
    await writeEvent(tx, BudgetReserved, {
      subject: request.campaignId,
      data: {
        reservationId: request.reservationId,
        campaignId: request.campaignId,
        brandId: base.brandId,
        transactionId: hold.id,
        amount: formatAmount(amountMinor, request.currency),
        currency: request.currency,
      },
    });
  } catch (error) {
    if (!(error instanceof InsufficientFundsError)) throw error;
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT budget_reservation');
    const available = await availableMinor(tx, base.brandId, request.currency);
    const message =
      `The campaign's budget of ${formatAmount(amountMinor, request.currency)} ${request.currency} could not be reserved: ` +
      `the brand has ${formatAmount(available, request.currency)} ${request.currency} available`;
    await recordFailure(tx, request, 'INSUFFICIENT_FUNDS', available, message);
  }
}

async function recordFailure(
  tx: Tx,
  request: EventData<typeof BudgetReservationRequested>,
  reason: 'INSUFFICIENT_FUNDS' | 'UNSUPPORTED_CURRENCY',
  availableMinor: bigint | null,
  message: string,
): Promise<void> {
  const amountMinor = BigInt(request.amountMinor);
  const brandId = request.brandId.toLowerCase();
  await tx.budgetReservation.create({
    data: {
      id: request.reservationId,
      campaignId: request.campaignId,
      brandId,
      currency: request.currency,
      amountMinor,
      status: 'FAILED',
      failureReason: message,
    },
  });
  // An unsupported currency has no exponent here: its amounts go out in minor units, as received.
  const format = (minor: bigint) => (reason === 'UNSUPPORTED_CURRENCY' ? minor.toString() : formatAmount(minor, request.currency));
  await writeEvent(tx, BudgetReservationFailed, {
    subject: request.campaignId,
    data: {
      reservationId: request.reservationId,
      campaignId: request.campaignId,
      brandId,
      reason,
      required: format(amountMinor),
      available: availableMinor === null ? null : format(availableMinor),
      currency: request.currency,
      message,
    },
  });
}

/** The brand's available balance in a currency (0 without an account). */
async function availableMinor(tx: Tx, brandId: string, currency: string): Promise<bigint> {
  const account = await tx.ledgerAccount.findFirst({
    where: { ownerType: 'BRAND', ownerId: brandId, kind: 'AVAILABLE', currency },
    select: { balanceMinor: true },
  });
  return account?.balanceMinor ?? 0n;
}
