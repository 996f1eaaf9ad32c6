import { BadUserInputError } from '@gametriggers/federation';
import type { CampaignStatus } from '../generated/prisma/enums';

/** The campaign state machine: from each status, the statuses it may move to. COMPLETED and CANCELLED are final. */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  DRAFT: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['IN_REVIEW', 'DRAFT', 'CANCELLED'],
  IN_REVIEW: ['APPROVED', 'REJECTED'],
  REJECTED: ['DRAFT'],
  APPROVED: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['PAUSED', 'COMPLETED', 'CANCELLED'],
  PAUSED: ['ACTIVE', 'COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function canTransitionCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}

/** Throws BAD_USER_INPUT on `to` unless `from -> to` is in the table. */
export function assertCampaignTransition(from: CampaignStatus, to: CampaignStatus): void {
  if (canTransitionCampaign(from, to)) return;
  const allowed = CAMPAIGN_TRANSITIONS[from];
  throw new BadUserInputError(
    'to',
    `A ${from} campaign cannot become ${to}; ${allowed.length ? `it can become ${allowed.join(', ')}` : `${from} is final`}`,
  );
}

/** Statuses in which streamers may apply to a campaign. */
export const OPEN_FOR_APPLICATIONS: readonly CampaignStatus[] = ['APPROVED', 'SCHEDULED', 'ACTIVE'];
