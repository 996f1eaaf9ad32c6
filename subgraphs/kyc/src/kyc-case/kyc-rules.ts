import type { Prisma } from '../generated/prisma/client';
import { KycDocumentType, KycStatus, KycSubjectType } from './kyc-enums';

/** Submissions allowed per case. The CHECK and the partial unique index of the init migration repeat this number. */
export const MAX_ATTEMPTS = 3;

/** How long an approval holds. */
export function approvalExpiry(reviewedAt: Date): Date {
  const expiresAt = new Date(reviewedAt);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + 1);
  return expiresAt;
}

/** Documents a subject type may verify with. */
export const DOCUMENTS_FOR: Record<KycSubjectType, KycDocumentType[]> = {
  [KycSubjectType.BRAND]: [KycDocumentType.BUSINESS_REGISTRATION],
  [KycSubjectType.STREAMER]: [
    KycDocumentType.PASSPORT,
    KycDocumentType.NATIONAL_ID,
    KycDocumentType.DRIVERS_LICENSE,
    KycDocumentType.RESIDENCE_PERMIT,
  ],
};

interface CaseState {
  status: string;
  expiresAt: Date | null;
}

/** The status a client sees: an approval past its expiry is EXPIRED, whether or not a job has stored that yet. */
export function effectiveStatus(row: CaseState, now = new Date()): KycStatus {
  if (row.status === KycStatus.APPROVED && row.expiresAt && row.expiresAt <= now) return KycStatus.EXPIRED;
  return row.status as KycStatus;
}

/**
 * Cases still in progress, as a filter: the subject cannot open another one while one exists.
 * The partial unique index "KycCase_one_open_case_per_subject" enforces the same rule in the database.
 */
export const OPEN_CASE = {
  OR: [
    { status: { in: [KycStatus.NOT_STARTED, KycStatus.PENDING, KycStatus.IN_REVIEW] } },
    { status: KycStatus.REJECTED, attempts: { lt: MAX_ATTEMPTS } },
  ],
} satisfies Prisma.KycCaseWhereInput;
