import { randomBytes } from 'node:crypto';
import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import { PaymentMethodKind } from '../generated/prisma/enums';
import type { PayoutProvider, PayoutRequest, PayoutStatus, SettlementRecord, TokenizedDestination } from './payout-provider';

/** Destinations the sandbox fails at settlement: details containing "fail" (a PayPal address) or ending in 0000 (an account). */
const FAILING = /fail|0000$/i;
/** Destinations the sandbox refuses at once, at submission: details containing "reject" or ending in 9999. */
const REJECTED = /reject|9999$/i;
const random = () => randomBytes(9).toString('base64url');

function validate(kind: PaymentMethodKind, details: string): string {
  const value = details.trim();
  const ok =
    kind === PaymentMethodKind.BANK
      ? /^[A-Z0-9]{8,34}$/i.test(value.replace(/\s+/g, ''))
      : kind === PaymentMethodKind.PAYPAL
        ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
        : /^acct_[A-Za-z0-9]{6,64}$/.test(value);
  if (!ok) throw new BadUserInputError('input.details', `not valid ${kind} details`);
  return kind === PaymentMethodKind.BANK ? value.replace(/\s+/g, '').toUpperCase() : value;
}

function mask(kind: PaymentMethodKind, value: string): string {
  if (kind === PaymentMethodKind.PAYPAL) {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (kind === PaymentMethodKind.STRIPE) return `acct_••••${value.slice(-4)}`;
  return `•••• ${value.slice(-4)}`;
}

/**
 * A payout provider for development and tests, keeping its own records in the wallet's database
 * (table SandboxPayout) as a real provider keeps them on its side. It pays every payout except to
 * destinations tokenized from details containing "fail" or ending in "0000", which fail with a reason.
 * It settles asynchronously: a payout stays PENDING until the wallet's settle job asks for its status
 * (scheduled WALLET_PAYOUT_SETTLE_DELAY_MS after submission). Destinations from details containing
 * "reject" or ending in "9999" are refused at submission.
 */
export class SandboxPayoutProvider implements PayoutProvider {
  readonly name = 'sandbox';
  constructor(private readonly db: Db) {}

  async tokenize(kind: PaymentMethodKind, details: string): Promise<TokenizedDestination> {
    const value = validate(kind, details);
    const behaviour = REJECTED.test(value) ? 'reject' : FAILING.test(value) ? 'fail' : 'ok';
    return { token: `sandbox_${behaviour}_${random()}`, masked: mask(kind, value) };
  }

  async submit(payout: PayoutRequest): Promise<{ reference: string } | { rejected: string }> {
    if (payout.destinationToken.startsWith('sandbox_reject_')) return { rejected: 'The provider does not pay out to this destination' };
    await this.db.sandboxPayout.createMany({
      data: [
        {
          withdrawalId: payout.withdrawalId,
          reference: `sbx_po_${random()}`,
          amountMinor: payout.amountMinor,
          currency: payout.currency,
          destinationToken: payout.destinationToken,
          status: 'PENDING',
        },
      ],
      skipDuplicates: true,
    });
    const stored = await this.db.sandboxPayout.findUniqueOrThrow({ where: { withdrawalId: payout.withdrawalId } });
    return { reference: stored.reference };
  }

  async status(reference: string): Promise<PayoutStatus> {
    const payout = await this.db.sandboxPayout.findUnique({ where: { reference } });
    if (!payout) return { status: 'FAILED', reason: 'unknown payout reference' };
    if (payout.status === 'PENDING') {
      const fails = payout.destinationToken.startsWith('sandbox_fail_');
      await this.db.sandboxPayout.updateMany({
        where: { reference, status: 'PENDING' },
        data: {
          status: fails ? 'FAILED' : 'PAID',
          failureReason: fails ? 'The destination account refused the payment' : null,
          settledAt: new Date(),
        },
      });
      return this.status(reference);
    }
    return payout.status === 'PAID' ? { status: 'PAID' } : { status: 'FAILED', reason: payout.failureReason ?? 'failed' };
  }

  async settlements(): Promise<SettlementRecord[]> {
    const rows = await this.db.sandboxPayout.findMany({ orderBy: { id: 'asc' } });
    return rows.map((row) => ({
      reference: row.reference,
      withdrawalId: row.withdrawalId,
      amountMinor: row.amountMinor,
      currency: row.currency,
      status: row.status as SettlementRecord['status'],
    }));
  }
}
