import { z } from 'zod';
import { defineEvent } from '../contract';

/** An exact amount: a decimal string in the currency's exponent ("1500.00", "1500" for JPY), never a float. */
const amount = z.string().regex(/^-?\d+(\.\d+)?$/);
const currency = z.string().regex(/^[A-Z]{3}$/);

/** A brand's payment reached its wallet (provider clearing -> the brand's available balance). */
export const DepositSettled = defineEvent({
  type: 'wallet.deposit.settled',
  version: 1,
  source: 'wallet',
  description: "A payment the provider received for a brand was credited to the brand's available balance.",
  schema: z.object({
    transactionId: z.uuid(),
    brandId: z.uuid(),
    amount,
    currency,
    /** The payment provider's reference of the payment. */
    reference: z.string().min(1),
  }),
});

/** A streamer was paid for a brand's campaign, out of the brand's held money, less the platform fee. */
export const EarningsCredited = defineEvent({
  type: 'wallet.earnings.credited',
  version: 1,
  source: 'wallet',
  description: "A streamer's earnings were credited from a brand's held budget; the platform kept its fee.",
  schema: z.object({
    transactionId: z.uuid(),
    brandId: z.uuid(),
    streamerId: z.uuid(),
    campaignId: z.uuid().nullable(),
    /** What the brand paid (gross). */
    amount,
    fee: amount,
    /** What the streamer received: amount - fee. */
    net: amount,
    currency,
  }),
});

/** The payout provider paid a withdrawal to the streamer's payout method. */
export const WithdrawalPaid = defineEvent({
  type: 'wallet.withdrawal.paid',
  version: 1,
  source: 'wallet',
  description: "A streamer's withdrawal was paid out by the payout provider.",
  schema: z.object({
    withdrawalId: z.uuid(),
    streamerId: z.uuid(),
    amount,
    currency,
    method: z.enum(['BANK', 'PAYPAL', 'STRIPE']),
    providerReference: z.string().min(1),
  }),
});

/** A withdrawal could not be paid (or was rejected by an admin): its money is back in the streamer's available balance. */
export const WithdrawalFailed = defineEvent({
  type: 'wallet.withdrawal.failed',
  version: 1,
  source: 'wallet',
  description: "A streamer's withdrawal failed at the provider or was rejected; the money was returned to the wallet.",
  schema: z.object({
    withdrawalId: z.uuid(),
    streamerId: z.uuid(),
    amount,
    currency,
    /** FAILED (at the provider) or REJECTED (by an admin). */
    status: z.enum(['FAILED', 'REJECTED']),
    reason: z.string().min(1),
  }),
});

/** A campaign's budget is now held in its brand's wallet (brand AVAILABLE -> HELD). */
export const BudgetReserved = defineEvent({
  type: 'wallet.budget.reserved',
  version: 1,
  source: 'wallet',
  description: "A submitted campaign's budget was reserved out of its brand's available money.",
  schema: z.object({
    reservationId: z.uuid(),
    campaignId: z.uuid(),
    brandId: z.uuid(),
    transactionId: z.uuid(),
    amount,
    currency,
  }),
});

/** A campaign's budget could not be reserved: nothing was held, and the campaign cannot be approved. */
export const BudgetReservationFailed = defineEvent({
  type: 'wallet.budget.reservation-failed',
  version: 1,
  source: 'wallet',
  description: "A submitted campaign's budget could not be reserved (not enough available money, or a currency the wallet does not keep).",
  schema: z.object({
    reservationId: z.uuid(),
    campaignId: z.uuid(),
    brandId: z.uuid(),
    reason: z.enum(['INSUFFICIENT_FUNDS', 'UNSUPPORTED_CURRENCY']),
    /** What was asked, and what the brand had available in that currency when it was tried. */
    required: amount,
    available: amount.nullable(),
    currency,
    message: z.string().min(1),
  }),
});

/** What a campaign will never spend of its reservation went back to its brand's available money. */
export const BudgetReleased = defineEvent({
  type: 'wallet.budget.released',
  version: 1,
  source: 'wallet',
  description: "The unspent part of a campaign's reserved budget was returned to its brand's available money.",
  schema: z.object({
    reservationId: z.uuid(),
    campaignId: z.uuid(),
    brandId: z.uuid(),
    /** Null when there was nothing to give back. */
    transactionId: z.uuid().nullable(),
    /** Given back. */
    amount,
    /** Still held for the campaign's earnings in review, paid out as they are released. */
    stillHeld: amount,
    currency,
  }),
});
