import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '@gametriggers/federation';
import { ParticipationApplied, writeEvent } from '@gametriggers/events';
import type { Db } from '../db';
import { OPEN_FOR_APPLICATIONS } from '../campaign/campaign-transitions';
import type { Campaign, Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';
import { loadStreamerProfile, targetingMisses } from '../streamer-profile/streamer-profile';

/**
 * A streamer applies to an APPROVED, SCHEDULED or ACTIVE campaign. The campaign row is share-locked
 * while the application is written, so it cannot be cancelled or completed in between; a second
 * application by the same streamer is a CONFLICT (the unique index decides, also under races).
 * campaign.participation.applied goes to the outbox with it: the conflict engine checks the
 * participation before anyone may accept it (apply-participation-check.ts). The streamer must meet
 * the campaign's targeting, by the profile the streamer subgraph last reported (streamer-profile.ts).
 */
export async function applyToCampaign(db: Db, campaignId: string, streamerId: string) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text FROM "Campaign" WHERE id = ${campaignId}::uuid FOR SHARE`;
    const campaign = locked ? await tx.campaign.findUnique({ where: { id: campaignId } }) : null;
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    if (!OPEN_FOR_APPLICATIONS.includes(campaign.status as CampaignStatus)) {
      throw new BadUserInputError(
        'campaignId',
        `A ${campaign.status} campaign takes no applications; it must be APPROVED, SCHEDULED or ACTIVE`,
      );
    }
    await assertEligible(tx, campaign, streamerId.toLowerCase());
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

/** BAD_USER_INPUT unless the streamer's known profile meets the campaign's targeting (the reasons listed). */
async function assertEligible(tx: Prisma.TransactionClient, campaign: Campaign, streamerId: string): Promise<void> {
  const profile = await loadStreamerProfile(tx, streamerId);
  if (!profile) {
    throw new BadUserInputError(
      'streamerId',
      "The streamer's profile has not reached campaigns yet (it follows their sign-up within seconds); try again shortly",
    );
  }
  const misses = targetingMisses(campaign, profile);
  if (misses.length) throw new BadUserInputError('campaignId', `The streamer does not meet the campaign's targeting: ${misses.join('; ')}`);
}
