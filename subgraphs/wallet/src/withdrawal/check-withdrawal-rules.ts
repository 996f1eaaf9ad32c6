import type { WalletConfig } from '../config';
import { KycRequiredError, WithdrawalLimitError } from '../errors';
import { WithdrawalStatus } from '../generated/prisma/enums';
import type { Tx } from '../ledger/post-ledger-transaction';

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const startOfUtcMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** KYC_REQUIRED unless the wallet's copy of the streamer's latest KYC decision is an unexpired approval. */
export async function assertKycApproved(tx: Tx, streamerId: string, now: Date): Promise<void> {
  const decision = await tx.kycDecision.findUnique({
    where: { subjectType_subjectId: { subjectType: 'STREAMER', subjectId: streamerId } },
  });
  if (!decision || decision.status !== 'APPROVED' || (decision.expiresAt && decision.expiresAt <= now)) throw new KycRequiredError();
}

/**
 * WITHDRAWAL_LIMIT_EXCEEDED when the amount passes the currency's per-transaction limit, or the
 * streamer's withdrawals of the UTC day or month (rejected and failed ones excepted) would pass theirs.
 * The caller holds the streamer's withdrawal lock, so concurrent requests cannot both squeeze under a limit.
 */
export async function assertWithinLimits(
  tx: Tx,
  config: WalletConfig,
  streamerId: string,
  currency: string,
  amountMinor: bigint,
  now: Date,
) {
  const limits = config.withdrawalLimits[currency];
  if (!limits) throw new WithdrawalLimitError('CURRENCY', `${currency} cannot be withdrawn`);
  if (amountMinor > limits.perTransactionMinor)
    throw new WithdrawalLimitError('PER_TRANSACTION', 'The amount is above the per-withdrawal limit');
  const sumSince = async (since: Date) => {
    const { _sum } = await tx.withdrawal.aggregate({
      _sum: { amountMinor: true },
      where: {
        streamerId,
        currency,
        createdAt: { gte: since },
        status: { notIn: [WithdrawalStatus.REJECTED, WithdrawalStatus.FAILED] },
      },
    });
    return _sum.amountMinor ?? 0n;
  };
  if ((await sumSince(startOfUtcDay(now))) + amountMinor > limits.perDayMinor) {
    throw new WithdrawalLimitError('PER_DAY', "The amount would pass today's withdrawal limit");
  }
  if ((await sumSince(startOfUtcMonth(now))) + amountMinor > limits.perMonthMinor) {
    throw new WithdrawalLimitError('PER_MONTH', "The amount would pass this month's withdrawal limit");
  }
  return limits;
}
