import type { Db } from '../db';
import { KycStatus } from './kyc-enums';
import { MAX_ATTEMPTS } from './kyc-rules';
import { transitionKycCase } from './transition-kyc-case';

/** The subject hands in its documents: first time, or again after a rejection while attempts remain. */
export function submitKycCase(db: Db, id: string) {
  return transitionKycCase(db, id, {
    name: 'submitKycCase',
    from: [KycStatus.NOT_STARTED, KycStatus.REJECTED],
    to: KycStatus.PENDING,
    refuse: (row) =>
      row.attempts >= MAX_ATTEMPTS ? `KycCase ${row.id} is ${row.status} and has used all ${MAX_ATTEMPTS} attempts` : undefined,
    data: (_row, now) => ({ attempts: { increment: 1 }, submittedAt: now, rejectionReason: null, reviewedAt: null, reviewerNote: null }),
    note: (row) => `Attempt ${row.attempts + 1} of ${MAX_ATTEMPTS}`,
  });
}
