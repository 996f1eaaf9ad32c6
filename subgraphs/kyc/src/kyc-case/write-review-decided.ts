import { KycReviewDecided, writeEvent } from '@gametriggers/events';
import type { KycCase, Prisma } from '../generated/prisma/client';

/** kyc.review.decided for a case just approved or rejected, in the transaction of the decision. */
export async function writeReviewDecided(tx: Prisma.TransactionClient, moved: KycCase): Promise<void> {
  if (moved.status !== 'APPROVED' && moved.status !== 'REJECTED') return;
  await writeEvent(tx, KycReviewDecided, {
    subject: `${moved.subjectType}:${moved.subjectId}`,
    data: {
      caseId: moved.id,
      subjectType: moved.subjectType,
      subjectId: moved.subjectId,
      status: moved.status,
      decidedAt: (moved.reviewedAt ?? new Date()).toISOString(),
      expiresAt: moved.status === 'APPROVED' && moved.expiresAt ? moved.expiresAt.toISOString() : null,
    },
  });
}
