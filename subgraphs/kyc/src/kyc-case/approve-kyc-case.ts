import type { Db } from '../db';
import { KycStatus } from './kyc-enums';
import { approvalExpiry } from './kyc-rules';
import { transitionKycCase } from './transition-kyc-case';
import { writeReviewDecided } from './write-review-decided';

/** Approves a case under review; the approval holds for a year. */
export function approveKycCase(db: Db, id: string, note: string | null | undefined) {
  const reviewerNote = note?.trim() || null;
  return transitionKycCase(db, id, {
    name: 'approveKycCase',
    from: [KycStatus.IN_REVIEW],
    to: KycStatus.APPROVED,
    data: (_row, now) => ({ reviewedAt: now, reviewerNote, expiresAt: approvalExpiry(now), rejectionReason: null }),
    note: () => reviewerNote,
    onMoved: writeReviewDecided,
  });
}
