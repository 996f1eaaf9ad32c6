import type { PaymentMethodKind } from '../generated/prisma/enums';

/** A destination as the provider keeps it: we store only its token and a masked label. */
export interface TokenizedDestination {
  token: string;
  masked: string;
}

export interface PayoutRequest {
  /** Sent as the provider's idempotency key: one payout per withdrawal however often it is submitted. */
  withdrawalId: string;
  amountMinor: bigint;
  currency: string;
  destinationToken: string;
}

export type PayoutStatus = { status: 'PENDING' } | { status: 'PAID' } | { status: 'FAILED'; reason: string };

/** One line of the provider's settlement report, for reconciliation. */
export interface SettlementRecord {
  reference: string;
  withdrawalId: string;
  amountMinor: bigint;
  currency: string;
  status: 'PENDING' | 'PAID' | 'FAILED';
}

/**
 * What the wallet needs of a payout provider (bank transfers, PayPal, Stripe Connect...). Payouts
 * settle asynchronously: `submit` only accepts one, `status` tells later whether it was paid.
 */
export interface PayoutProvider {
  readonly name: string;
  /** Turns the raw account details into the provider's token; the details are not kept by us. */
  tokenize(kind: PaymentMethodKind, details: string): Promise<TokenizedDestination>;
  /**
   * Accepts a payout (idempotent per withdrawalId) and returns the provider's reference, or refuses it
   * for good (`rejected`: the destination cannot be paid; the withdrawal fails and its money returns).
   * Throws for a temporary failure (the job retries).
   */
  submit(payout: PayoutRequest): Promise<{ reference: string } | { rejected: string }>;
  status(reference: string): Promise<PayoutStatus>;
  /** Every payout the provider knows, for reconciliation. */
  settlements(): Promise<SettlementRecord[]>;
}
