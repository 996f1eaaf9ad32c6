import { WithdrawalStatus } from '../generated/prisma/enums';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../ledger/post-ledger-transaction';

/** The state machine: every status a withdrawal may move to from each status. */
export const WITHDRAWAL_TRANSITIONS: Readonly<Record<WithdrawalStatus, readonly WithdrawalStatus[]>> = {
  REQUESTED: [WithdrawalStatus.PENDING_APPROVAL, WithdrawalStatus.APPROVED],
  PENDING_APPROVAL: [WithdrawalStatus.APPROVED, WithdrawalStatus.REJECTED],
  APPROVED: [WithdrawalStatus.PROCESSING],
  PROCESSING: [WithdrawalStatus.PAID, WithdrawalStatus.FAILED],
  REJECTED: [],
  PAID: [],
  FAILED: [],
};

export interface WithdrawalMove {
  actor: string | null;
  note?: string | null;
  ledgerTransactionId?: string | null;
  data?: Prisma.WithdrawalUpdateManyMutationInput;
}

/**
 * Moves a withdrawal from `from` to `to` with its history row, in the caller's transaction. The
 * update is conditional on `from`, so of two concurrent moves of one withdrawal exactly one wins:
 * returns false (nothing written) when the withdrawal was no longer in `from`.
 */
export async function moveWithdrawal(
  tx: Tx,
  id: string,
  from: WithdrawalStatus,
  to: WithdrawalStatus,
  move: WithdrawalMove,
): Promise<boolean> {
  if (!WITHDRAWAL_TRANSITIONS[from].includes(to)) throw new Error(`withdrawal ${id}: ${from} -> ${to} is not a transition`);
  const { count } = await tx.withdrawal.updateMany({ where: { id, status: from }, data: { ...move.data, status: to } });
  if (!count) return false;
  await tx.withdrawalTransition.create({
    data: {
      withdrawalId: id,
      fromStatus: from,
      toStatus: to,
      actor: move.actor,
      note: move.note ?? null,
      ledgerTransactionId: move.ledgerTransactionId ?? null,
    },
  });
  return true;
}
