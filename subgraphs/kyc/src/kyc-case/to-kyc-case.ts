import type { KycCase as KycCaseRow, KycCaseEvent as KycCaseEventRow } from '../generated/prisma/client';
import type { KycCaseEvent } from './kyc-case-event.type';
import type { KycCase } from './kyc-case.type';
import type { KycDocumentType, KycStatus, KycSubjectType } from './kyc-enums';
import { effectiveStatus, MAX_ATTEMPTS } from './kyc-rules';

/** The GraphQL shape of a stored case. */
export function toKycCase(row: KycCaseRow): KycCase {
  return {
    id: row.id,
    subjectType: row.subjectType as KycSubjectType,
    subjectId: row.subjectId,
    documentType: row.documentType as KycDocumentType,
    documentCountry: row.documentCountry,
    status: effectiveStatus(row),
    attempts: row.attempts,
    attemptsRemaining: Math.max(0, MAX_ATTEMPTS - row.attempts),
    rejectionReason: row.rejectionReason,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    reviewerNote: row.reviewerNote,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toKycCaseEvent(row: KycCaseEventRow): KycCaseEvent {
  return {
    id: row.id,
    fromStatus: row.fromStatus as KycStatus | null,
    toStatus: row.toStatus as KycStatus,
    at: row.at,
    note: row.note,
  };
}
