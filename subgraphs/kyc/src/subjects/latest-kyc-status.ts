import { KycStatus } from '../kyc-case/kyc-enums';
import { effectiveStatus } from '../kyc-case/kyc-rules';
import type { KycCase as KycCaseRow } from '../generated/prisma/client';

/** The status of a subject's latest case (cases come newest first); NOT_STARTED when it has none. */
export function latestKycStatus(casesNewestFirst: KycCaseRow[]): KycStatus {
  const latest = casesNewestFirst[0];
  return latest ? effectiveStatus(latest) : KycStatus.NOT_STARTED;
}
