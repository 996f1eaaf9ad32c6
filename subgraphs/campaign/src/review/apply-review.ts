import type { CampaignReviewed, EventData } from '@gametriggers/events';
import { moveCampaign } from '../campaign/move-campaign';
import type { Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';

/**
 * Where each verdict takes a SUBMITTED campaign, through legal transitions only. ALLOW approves
 * automatically once the budget is reserved; until the wallet has reserved it the campaign waits
 * IN_REVIEW with the ALLOW decision, and the reservation approves it (apply-funding.ts).
 */
const PATHS: Record<EventData<typeof CampaignReviewed>['decision'], CampaignStatus[]> = {
  ALLOW: ['IN_REVIEW', 'APPROVED'],
  WARN: ['IN_REVIEW'], // an admin decides (the review queue: campaigns IN_REVIEW)
  BLOCK: ['IN_REVIEW', 'REJECTED'],
};

/**
 * The conflict engine's verdict on a submission, in the consumer's inbox transaction: moves the
 * campaign along the verdict's path, records the decision and its explanations, and writes one
 * CampaignChanged with the result. A verdict on an older revision, or on a campaign no longer
 * SUBMITTED (withdrawn to DRAFT, cancelled), changes nothing: the newer submission gets its own.
 * Returns the status the campaign ended in, or null when the verdict was stale.
 */
export async function applyReview(
  tx: Prisma.TransactionClient,
  review: EventData<typeof CampaignReviewed>,
): Promise<CampaignStatus | null> {
  const [campaign] = await tx.$queryRaw<{ status: CampaignStatus; revision: number; fundingStatus: string }[]>`
    SELECT "status", "revision", "fundingStatus"::text AS "fundingStatus" FROM "Campaign" WHERE "id" = ${review.campaignId}::uuid FOR UPDATE`;
  if (!campaign || campaign.status !== 'SUBMITTED' || campaign.revision !== review.revision) return null;
  const path = review.decision === 'ALLOW' && campaign.fundingStatus !== 'RESERVED' ? ['IN_REVIEW' as const] : PATHS[review.decision];
  const notes = review.violations.map((violation) => `${violation.severity} ${violation.rule}: ${violation.explanation}`);
  return moveCampaign(tx, review.campaignId, campaign.status, path, {
    reviewDecision: review.decision,
    reviewNotes: notes,
    reviewedAt: new Date(),
  });
}
