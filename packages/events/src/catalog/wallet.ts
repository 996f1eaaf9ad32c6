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
