import { z } from 'zod';
import { defineEvent } from '../contract';

/**
 * A KYC review was decided. Consumers keep the latest decision per subject (compare `decidedAt`):
 * the wallet allows withdrawals only with an APPROVED decision that has not expired.
 */
export const KycReviewDecided = defineEvent({
  type: 'kyc.review.decided',
  version: 1,
  source: 'kyc',
  description: 'A reviewer approved or rejected the identity check (KYC case) of a streamer or brand.',
  schema: z.object({
    caseId: z.uuid(),
    subjectType: z.enum(['STREAMER', 'BRAND']),
    subjectId: z.uuid(),
    status: z.enum(['APPROVED', 'REJECTED']),
    decidedAt: z.iso.datetime(),
    /** When an approval lapses; null for a rejection. */
    expiresAt: z.iso.datetime().nullable(),
  }),
});
