import { BadUserInputError, ConflictError, isUniqueViolation } from '@gametriggers/federation';
import type { Db } from '../db';
import type { OpenKycCaseInput } from './kyc-case.inputs';
import { KycStatus } from './kyc-enums';
import { DOCUMENTS_FOR, OPEN_CASE } from './kyc-rules';

/** Opens a NOT_STARTED case for a subject that has no case in progress; its history starts here too. */
export async function openKycCase(db: Db, input: OpenKycCaseInput) {
  const { subjectType, subjectId, documentType } = input;
  const allowed = DOCUMENTS_FOR[subjectType];
  if (!allowed.includes(documentType)) {
    throw new BadUserInputError('input.documentType', `input.documentType: a ${subjectType} verifies with ${allowed.join(', ')}`);
  }
  const conflict = (existing?: { id: string; status: string }) =>
    new ConflictError(
      `${subjectType} ${subjectId} already has a KYC case in progress${existing ? ` (${existing.id}, ${existing.status})` : ''}`,
      'input.subjectId',
    );
  const open = await db.kycCase.findFirst({ where: { subjectType, subjectId, ...OPEN_CASE }, select: { id: true, status: true } });
  if (open) throw conflict(open);
  try {
    return await db.kycCase.create({
      data: {
        subjectType,
        subjectId,
        documentType,
        documentCountry: input.documentCountry,
        events: { create: { fromStatus: null, toStatus: KycStatus.NOT_STARTED, note: 'Case opened' } },
      },
    });
  } catch (error) {
    // Another request opened one between our check and our insert; the partial unique index said no.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
