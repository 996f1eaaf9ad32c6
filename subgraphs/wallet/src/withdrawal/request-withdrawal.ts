import { setTimeout as sleep } from 'node:timers/promises';
import { BadUserInputError, ConflictError, isRetryableConflict, isUniqueViolation } from '@gametriggers/federation';
import { scheduleJob } from '@gametriggers/events';
import { WithdrawalStatus } from '../generated/prisma/enums';
import type { Withdrawal } from '../generated/prisma/client';
import { LedgerOwnerType } from '../generated/prisma/enums';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { TRANSACTION_OPTIONS } from '../ledger/post-ledger-transaction';
import { requestHash } from '../ledger/request-hash';
import type { WalletDeps } from '../ledger/wallet-deps';
import { SubmitPayoutJob } from '../payout/payout-jobs';
import { assertKycApproved, assertWithinLimits } from './check-withdrawal-rules';
import { moveWithdrawal } from './move-withdrawal';
import { postWithdrawalStep } from './withdrawal-ledger';
import type { RequestWithdrawalInput } from './withdrawal.inputs';

async function findByKey(deps: WalletDeps, key: string, hash: string): Promise<Withdrawal | null> {
  const stored = await deps.db.withdrawal.findUnique({ where: { idempotencyKey: key } });
  if (stored && stored.requestHash !== hash)
    throw new ConflictError('This idempotencyKey was already used for a different request', 'input.idempotencyKey');
  return stored;
}

/**
 * A streamer asks to be paid out: with an approved KYC, within the currency's limits, to one of its own
 * payment methods. In one transaction: the withdrawal, its money held (AVAILABLE -> HELD, or
 * INSUFFICIENT_FUNDS), then PENDING_APPROVAL above the approval threshold, or APPROVED with the payout
 * job scheduled. Idempotent per key: a retry returns the same withdrawal; other parameters, CONFLICT.
 */
export async function requestWithdrawal(deps: WalletDeps, input: RequestWithdrawalInput, requestedBy: string): Promise<Withdrawal> {
  const { db, config } = deps;
  const streamerId = input.streamerId.toLowerCase();
  const paymentMethodId = input.paymentMethodId.toLowerCase();
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const currency = input.amount.currency;
  const hash = requestHash({ streamerId, paymentMethodId, amountMinor, currency });
  const stored = await findByKey(deps, input.idempotencyKey, hash);
  if (stored) return stored;

  const method = await db.paymentMethod.findUnique({ where: { id: paymentMethodId } });
  if (!method || method.removedAt || method.ownerType !== LedgerOwnerType.STREAMER || method.ownerId !== streamerId) {
    throw new BadUserInputError('input.paymentMethodId', "not one of the streamer's payment methods");
  }

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        // One request per streamer and currency at a time: the limits below count committed withdrawals only.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`withdrawal:${streamerId}:${currency}`}, 0))`;
        const now = new Date();
        await assertKycApproved(tx, streamerId, now);
        const limits = await assertWithinLimits(tx, config, streamerId, currency, amountMinor, now);
        const requiresApproval = amountMinor > limits.approvalAboveMinor;
        const withdrawal = await tx.withdrawal.create({
          data: {
            streamerId,
            paymentMethodId,
            amountMinor,
            currency,
            idempotencyKey: input.idempotencyKey,
            requestHash: hash,
            requestedBy,
            requiresApproval,
          },
        });
        await tx.withdrawalTransition.create({
          data: { withdrawalId: withdrawal.id, fromStatus: null, toStatus: WithdrawalStatus.REQUESTED, actor: requestedBy },
        });
        const hold = await postWithdrawalStep(tx, withdrawal, 'hold');
        const next = requiresApproval ? WithdrawalStatus.PENDING_APPROVAL : WithdrawalStatus.APPROVED;
        await moveWithdrawal(tx, withdrawal.id, WithdrawalStatus.REQUESTED, next, {
          actor: requiresApproval ? requestedBy : 'SYSTEM:auto-approval',
          note: requiresApproval ? 'Above the approval threshold' : 'At or below the approval threshold',
          ledgerTransactionId: hold.id,
        });
        if (!requiresApproval) await scheduleJob(tx, SubmitPayoutJob, { withdrawalId: withdrawal.id }, { jobKey: withdrawal.id });
        return tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
      }, TRANSACTION_OPTIONS);
    } catch (error) {
      if (isUniqueViolation(error)) {
        const winner = await findByKey(deps, input.idempotencyKey, hash);
        if (winner) return winner;
      }
      if (isRetryableConflict(error) && attempt < 5) {
        await sleep(Math.random() * 20 * attempt);
        continue;
      }
      throw error;
    }
  }
}
