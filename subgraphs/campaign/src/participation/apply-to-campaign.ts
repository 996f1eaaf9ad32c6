import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '@gametriggers/federation';
import { ParticipationApplied, writeEvent } from '@gametriggers/events';
import type { Db } from '../db';
import { OPEN_FOR_APPLICATIONS } from '../campaign/campaign-transitions';
import type { CampaignStatus } from '../generated/prisma/enums';

/**
 * A streamer applies to an APPROVED, SCHEDULED or ACTIVE campaign. The campaign row is share-locked
 * while the application is written, so it cannot be cancelled or completed in between; a second
 * application by the same streamer is a CONFLICT (the unique index decides, also under races).
 * campaign.participation.applied goes to the outbox with it: the conflict engine checks the
 * participation before anyone may accept it (apply-participation-check.ts).
 */
export async function applyToCampaign(db: Db, campaignId: string, streamerId: string) {
  return db.$transaction(async (tx) => {
    const [campaign] = await tx.$queryRaw<{ status: CampaignStatus; currency: string; brandId: string }[]>`
      SELECT status::text AS status, currency, "brandId"::text AS "brandId" FROM "Campaign" WHERE id = ${campaignId}::uuid FOR SHARE`;
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    if (!OPEN_FOR_APPLICATIONS.includes(campaign.status)) {
      throw new BadUserInputError(
        'campaignId',
        `A ${campaign.status} campaign takes no applications; it must be APPROVED, SCHEDULED or ACTIVE`,
      );
    }
    let participation;
    try {
      participation = await tx.participation.create({
        data: { campaignId, streamerId: streamerId.toLowerCase(), currency: campaign.currency, status: 'APPLIED' },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This streamer has already applied to this campaign', 'streamerId');
      throw error;
    }
    await writeEvent(tx, ParticipationApplied, {
      subject: campaignId,
      data: { participationId: participation.id, campaignId, streamerId: participation.streamerId, brandId: campaign.brandId },
    });
    return participation;
  });
}
