import { formatAmount } from '@gametriggers/federation';
import { WithdrawalFailed, WithdrawalPaid, writeEvent } from '@gametriggers/events';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import type { PaymentMethod, Withdrawal } from '../generated/prisma/client';
import { PLATFORM, streamerOwner } from '../ledger/ledger-owner';
import { writeLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { Tx } from '../ledger/post-ledger-transaction';

type Step = 'hold' | 'release' | 'processing' | 'paid' | 'returned';

/**
 * The ledger side of each step of a withdrawal, in the caller's transaction, with a key derived from
 * the withdrawal and the step (a step is written at most once):
 * hold: streamer AVAILABLE -> HELD; release (rejected): HELD -> AVAILABLE; processing: HELD -> platform
 * PAYOUTS_IN_TRANSIT; paid: PAYOUTS_IN_TRANSIT -> PROVIDER_CLEARING (the provider paid with our money);
 * returned (failed): PAYOUTS_IN_TRANSIT -> streamer AVAILABLE.
 */
export function postWithdrawalStep(tx: Tx, withdrawal: Pick<Withdrawal, 'id' | 'streamerId' | 'amountMinor' | 'currency'>, step: Step) {
  const streamer = streamerOwner(withdrawal.streamerId);
  const amount = withdrawal.amountMinor;
  const legs = {
    hold: [
      { owner: streamer, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amount, field: 'input.amount' },
      { owner: streamer, kind: LedgerAccountKind.HELD, amountMinor: amount },
    ],
    release: [
      { owner: streamer, kind: LedgerAccountKind.HELD, amountMinor: -amount },
      { owner: streamer, kind: LedgerAccountKind.AVAILABLE, amountMinor: amount },
    ],
    processing: [
      { owner: streamer, kind: LedgerAccountKind.HELD, amountMinor: -amount },
      { owner: PLATFORM, kind: LedgerAccountKind.PAYOUTS_IN_TRANSIT, amountMinor: amount },
    ],
    paid: [
      { owner: PLATFORM, kind: LedgerAccountKind.PAYOUTS_IN_TRANSIT, amountMinor: -amount },
      { owner: PLATFORM, kind: LedgerAccountKind.PROVIDER_CLEARING, amountMinor: amount },
    ],
    returned: [
      { owner: PLATFORM, kind: LedgerAccountKind.PAYOUTS_IN_TRANSIT, amountMinor: -amount },
      { owner: streamer, kind: LedgerAccountKind.AVAILABLE, amountMinor: amount },
    ],
  }[step];
  const kind = { hold: 'HOLD', release: 'RELEASE', processing: 'WITHDRAWAL', paid: 'WITHDRAWAL', returned: 'RELEASE' } as const;
  return writeLedgerTransaction(tx, {
    kind: LedgerTransactionKind[kind[step]],
    description: `Withdrawal ${withdrawal.id}: ${step}`,
    idempotencyKey: `withdrawal:${withdrawal.id}:${step}`,
    currency: withdrawal.currency,
    request: { withdrawalId: withdrawal.id, step },
    legs,
  });
}

export async function writeWithdrawalPaid(tx: Tx, withdrawal: Withdrawal & { paymentMethod: PaymentMethod }, reference: string) {
  await writeEvent(tx, WithdrawalPaid, {
    subject: withdrawal.id,
    data: {
      withdrawalId: withdrawal.id,
      streamerId: withdrawal.streamerId,
      amount: formatAmount(withdrawal.amountMinor, withdrawal.currency),
      currency: withdrawal.currency,
      method: withdrawal.paymentMethod.kind,
      providerReference: reference,
    },
  });
}

export async function writeWithdrawalFailed(tx: Tx, withdrawal: Withdrawal, status: 'FAILED' | 'REJECTED', reason: string) {
  await writeEvent(tx, WithdrawalFailed, {
    subject: withdrawal.id,
    data: {
      withdrawalId: withdrawal.id,
      streamerId: withdrawal.streamerId,
      amount: formatAmount(withdrawal.amountMinor, withdrawal.currency),
      currency: withdrawal.currency,
      status,
      reason,
    },
  });
}
