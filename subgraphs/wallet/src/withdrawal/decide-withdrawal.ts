import { BadUserInputError, ForbiddenError, NotFoundError, isUuid } from '@gametriggers/federation';
import { scheduleJob } from '@gametriggers/events';
import { recordAdminAction } from '../admin/record-admin-action';
import { InvalidStateError } from '../errors';
import { WithdrawalStatus } from '../generated/prisma/enums';
import type { Withdrawal } from '../generated/prisma/client';
import { TRANSACTION_OPTIONS } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import { SubmitPayoutJob } from '../payout/payout-jobs';
import { moveWithdrawal } from './move-withdrawal';
import { postWithdrawalStep, writeWithdrawalFailed } from './withdrawal-ledger';
import type { DecideWithdrawalInput } from './withdrawal.inputs';

export type Decision = 'approve' | 'reject';

/** Where an approved withdrawal may be by now: repeating its approval returns it as it is. */
const PAST_APPROVAL: WithdrawalStatus[] = [
  WithdrawalStatus.APPROVED,
  WithdrawalStatus.PROCESSING,
  WithdrawalStatus.PAID,
  WithdrawalStatus.FAILED,
];

/**
 * An admin approves (the payout job is scheduled) or rejects (the held money returns, a
 * WithdrawalFailed event says so) a withdrawal waiting for approval, and the decision is recorded as
 * an admin action, all in one transaction. The approver must not be the requester (FORBIDDEN).
 * Repeating one's own decision returns the withdrawal; any other state answers INVALID_STATE.
 */
export async function decideWithdrawal(
  { db }: WalletDeps,
  input: DecideWithdrawalInput,
  decision: Decision,
  admin: string,
): Promise<Withdrawal> {
  const id = input.withdrawalId.toLowerCase();
  const withdrawal = isUuid(id) ? await db.withdrawal.findUnique({ where: { id } }) : null;
  if (!withdrawal) throw new NotFoundError('Withdrawal', input.withdrawalId);
  const target = decision === 'approve' ? WithdrawalStatus.APPROVED : WithdrawalStatus.REJECTED;
  // Repeating one's own decision (a retry) answers with the withdrawal.
  const note = input.note?.trim() || null;
  if (decision === 'reject' && !note) throw new BadUserInputError('input.note', 'a rejection needs a reason');
  if (
    withdrawal.decidedBy === admin &&
    (decision === 'approve' ? PAST_APPROVAL.includes(withdrawal.status) : withdrawal.status === WithdrawalStatus.REJECTED)
  ) {
    return withdrawal;
  }
  if (withdrawal.requestedBy === admin) throw new ForbiddenError('The approver of a withdrawal must not be its requester');
  if (withdrawal.status !== WithdrawalStatus.PENDING_APPROVAL) {
    throw new InvalidStateError(
      `Withdrawal ${id} is ${withdrawal.status}; only a PENDING_APPROVAL withdrawal can be decided`,
      withdrawal.status,
    );
  }

  const decided = await db.$transaction(async (tx) => {
    const release = decision === 'reject' ? await postWithdrawalStep(tx, withdrawal, 'release') : null;
    const moved = await moveWithdrawal(tx, id, WithdrawalStatus.PENDING_APPROVAL, target, {
      actor: admin,
      note,
      ledgerTransactionId: release?.id ?? null,
      data: { decidedBy: admin, decidedAt: new Date(), ...(decision === 'reject' ? { rejectionReason: note } : {}) },
    });
    if (!moved) return null;
    await recordAdminAction(tx, {
      actor: admin,
      action: `withdrawal.${decision}`,
      targetType: 'Withdrawal',
      targetId: id,
      details: { amountMinor: withdrawal.amountMinor, currency: withdrawal.currency, note },
    });
    if (decision === 'approve') await scheduleJob(tx, SubmitPayoutJob, { withdrawalId: id }, { jobKey: id });
    else await writeWithdrawalFailed(tx, withdrawal, 'REJECTED', note!);
    return tx.withdrawal.findUniqueOrThrow({ where: { id } });
  }, TRANSACTION_OPTIONS);
  if (decided) return decided;
  const latest = await db.withdrawal.findUniqueOrThrow({ where: { id } });
  throw new InvalidStateError(`Withdrawal ${id} was decided meanwhile and is ${latest.status}`, latest.status);
}
