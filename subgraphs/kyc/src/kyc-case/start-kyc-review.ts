import type { Db } from '../db';
import { KycStatus } from './kyc-enums';
import { transitionKycCase } from './transition-kyc-case';

/** A reviewer picks up a submitted case. */
export function startKycReview(db: Db, id: string) {
  return transitionKycCase(db, id, {
    name: 'startKycReview',
    from: [KycStatus.PENDING],
    to: KycStatus.IN_REVIEW,
    data: () => ({}),
    note: () => null,
  });
}
