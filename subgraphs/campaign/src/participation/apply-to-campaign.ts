import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '@gametriggers/federation';
import type { Db } from '../db';
import { OPEN_FOR_APPLICATIONS } from '../campaign/campaign-transitions';
import type { CampaignStatus } from '../generated/prisma/enums';

/**
 * A streamer applies to an APPROVED, SCHEDULED or ACTIVE campaign. The campaign row is share-locked
 * while the application is written, so it cannot be cancelled or completed in between; a second
 * application by the same streamer is a CONFLICT (the unique index decides, also under races).
 */
export async function applyToCampaign(db: Db, campaignId: string, streamerId: string) {
  return db.$transaction(async (tx) => {
    const [campaign] = await tx.$queryRaw<{ status: CampaignStatus; currency: string }[]>`
      SELECT status::text AS status, currency FROM "Campaign" WHERE id = ${campaignId}::uuid FOR SHARE`;
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    if (!OPEN_FOR_APPLICATIONS.includes(campaign.status)) {
      throw new BadUserInputError(
        'campaignId',
        `A ${campaign.status} campaign takes no applications; it must be APPROVED, SCHEDULED or ACTIVE`,
      );
    }
    try {
      return await tx.participation.create({
        data: { campaignId, streamerId: streamerId.toLowerCase(), currency: campaign.currency, status: 'APPLIED' },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This streamer has already applied to this campaign', 'streamerId');
      throw error;
    }
  });
}
