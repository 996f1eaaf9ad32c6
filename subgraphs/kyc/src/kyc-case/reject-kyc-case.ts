import type { Db } from '../db';
import { KycStatus } from './kyc-enums';
import { transitionKycCase } from './transition-kyc-case';
import { writeReviewDecided } from './write-review-decided';

/** Rejects a case under review, saying why; the subject may resubmit while attempts remain. */
export function rejectKycCase(db: Db, id: string, reason: string) {
  const rejectionReason = reason.trim();
  return transitionKycCase(db, id, {
    name: 'rejectKycCase',
    from: [KycStatus.IN_REVIEW],
    to: KycStatus.REJECTED,
    data: (_row, now) => ({ reviewedAt: now, rejectionReason }),
    note: () => rejectionReason,
    onMoved: writeReviewDecided,
  });
}
