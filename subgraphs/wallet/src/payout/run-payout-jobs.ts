import { handleJob, scheduleJob } from '@gametriggers/events';
import type { JobHandler } from '@gametriggers/events';
import type { WalletConfig } from '../config';
import type { Db } from '../db';
import { WithdrawalStatus } from '../generated/prisma/enums';
import { TRANSACTION_OPTIONS } from '../ledger/post-ledger-transaction';
import { moveWithdrawal } from '../withdrawal/move-withdrawal';
import { postWithdrawalStep, writeWithdrawalFailed, writeWithdrawalPaid } from '../withdrawal/withdrawal-ledger';
import { SettlePayoutJob, SubmitPayoutJob } from './payout-jobs';
import type { PayoutProvider } from './payout-provider';

const SYSTEM = 'SYSTEM:payout';

/**
 * The payout jobs. Each step is a conditional move of the withdrawal with its ledger transaction (and
 * event) in one database transaction, so a job that runs twice changes nothing the second time; the
 * provider call between them is idempotent per withdrawal id.
 */
export function createPayoutJobHandlers(db: Db, config: WalletConfig, provider: PayoutProvider): JobHandler[] {
  const submit = handleJob(SubmitPayoutJob, async ({ withdrawalId }, { logger }) => {
    let withdrawal = await db.withdrawal.findUnique({ where: { id: withdrawalId }, include: { paymentMethod: true } });
    if (!withdrawal) return;
    if (withdrawal.status === WithdrawalStatus.APPROVED) {
      const current = withdrawal;
      await db.$transaction(async (tx) => {
        const inTransit = await postWithdrawalStep(tx, current, 'processing');
        const moved = await moveWithdrawal(tx, withdrawalId, WithdrawalStatus.APPROVED, WithdrawalStatus.PROCESSING, {
          actor: SYSTEM,
          ledgerTransactionId: inTransit.id,
        });
        if (!moved) throw new Error(`withdrawal ${withdrawalId} left APPROVED meanwhile`);
      }, TRANSACTION_OPTIONS);
      withdrawal = { ...withdrawal, status: WithdrawalStatus.PROCESSING };
    }
    if (withdrawal.status !== WithdrawalStatus.PROCESSING || withdrawal.providerReference) return;
    const submitted = await provider.submit({
      withdrawalId,
      amountMinor: withdrawal.amountMinor,
      currency: withdrawal.currency,
      destinationToken: withdrawal.paymentMethod.token,
    });
    if ('rejected' in submitted) {
      const current = withdrawal;
      await db.$transaction(async (tx) => {
        const returned = await postWithdrawalStep(tx, current, 'returned');
        const moved = await moveWithdrawal(tx, withdrawalId, WithdrawalStatus.PROCESSING, WithdrawalStatus.FAILED, {
          actor: SYSTEM,
          note: submitted.rejected,
          ledgerTransactionId: returned.id,
          data: { failureReason: submitted.rejected },
        });
        if (!moved) throw new Error(`withdrawal ${withdrawalId} left PROCESSING meanwhile`);
        await writeWithdrawalFailed(tx, current, 'FAILED', submitted.rejected);
      }, TRANSACTION_OPTIONS);
      logger.warn({ withdrawalId, provider: provider.name, reason: submitted.rejected }, 'payout refused by the provider');
      return;
    }
    const { reference } = submitted;
    await db.$transaction(async (tx) => {
      await tx.withdrawal.updateMany({ where: { id: withdrawalId, providerReference: null }, data: { providerReference: reference } });
      await scheduleJob(
        tx,
        SettlePayoutJob,
        { withdrawalId },
        { jobKey: withdrawalId, runAt: new Date(Date.now() + config.payoutSettleDelayMs) },
      );
    });
    logger.info({ withdrawalId, reference, provider: provider.name }, 'payout submitted');
  });

  const settle = handleJob(SettlePayoutJob, async ({ withdrawalId }, { logger }) => {
    const withdrawal = await db.withdrawal.findUnique({ where: { id: withdrawalId }, include: { paymentMethod: true } });
    if (!withdrawal || withdrawal.status !== WithdrawalStatus.PROCESSING || !withdrawal.providerReference) return;
    const reference = withdrawal.providerReference;
    const result = await provider.status(reference);
    // Thrown: the job queue retries with backoff until the provider settles.
    if (result.status === 'PENDING') throw new Error(`payout ${reference} is not settled yet`);
    await db.$transaction(async (tx) => {
      const step = await postWithdrawalStep(tx, withdrawal, result.status === 'PAID' ? 'paid' : 'returned');
      const to = result.status === 'PAID' ? WithdrawalStatus.PAID : WithdrawalStatus.FAILED;
      const reason = result.status === 'FAILED' ? result.reason : null;
      const moved = await moveWithdrawal(tx, withdrawalId, WithdrawalStatus.PROCESSING, to, {
        actor: SYSTEM,
        note: reason,
        ledgerTransactionId: step.id,
        ...(reason ? { data: { failureReason: reason } } : {}),
      });
      if (!moved) throw new Error(`withdrawal ${withdrawalId} left PROCESSING meanwhile`);
      if (reason) await writeWithdrawalFailed(tx, withdrawal, 'FAILED', reason);
      else await writeWithdrawalPaid(tx, withdrawal, reference);
    }, TRANSACTION_OPTIONS);
    logger.info({ withdrawalId, reference, status: result.status }, 'payout settled');
  });
  return [submit, settle];
}
