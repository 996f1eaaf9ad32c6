import { Money } from '@gametriggers/federation';
import type { Withdrawal as WithdrawalRow } from '../generated/prisma/client';
import type { Withdrawal } from './withdrawal.type';

export function toWithdrawal(row: WithdrawalRow): Withdrawal {
  return {
    id: row.id,
    streamerId: row.streamerId,
    paymentMethodId: row.paymentMethodId,
    amount: Money.of(row.amountMinor, row.currency),
    status: row.status,
    requiresApproval: row.requiresApproval,
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    rejectionReason: row.rejectionReason,
    providerReference: row.providerReference,
    failureReason: row.failureReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
