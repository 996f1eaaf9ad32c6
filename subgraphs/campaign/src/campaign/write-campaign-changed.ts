import { CampaignChanged, writeEvent } from '@gametriggers/events';
import type { EventData } from '@gametriggers/events';
import type { Campaign, Prisma } from '../generated/prisma/client';
import type { ParticipationStatus } from '../generated/prisma/enums';
import { syncFunding } from '../funding/campaign-funding';

type CampaignFacts = EventData<typeof CampaignChanged>;

/** Participation statuses that book the streamer for the campaign's window (accepted, or since completed). */
export const BOOKED: readonly ParticipationStatus[] = ['ACCEPTED', 'COMPLETED'];

export const isBooked = (status: ParticipationStatus) => BOOKED.includes(status);

/** The campaign's own facts that CampaignChanged carries (all but its booked streamers and revision). */
export function ownFacts(campaign: Campaign) {
  return {
    campaignId: campaign.id,
    brandId: campaign.brandId,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt.toISOString(),
    categories: campaign.targetCategories,
    platforms: campaign.targetPlatforms as CampaignFacts['platforms'],
  };
}

/** Whether a write changed any fact other subgraphs copy (an edit of the name alone does not). */
export function factsDiffer(before: Campaign, after: Campaign): boolean {
  return JSON.stringify(ownFacts(before)) !== JSON.stringify(ownFacts(after));
}

/**
 * Writes CampaignChanged with the campaign's current facts to the outbox, in the caller's
 * transaction. Call it after the write that raised `campaign.revision`: that write holds the
 * campaign row's lock until commit, so the booked streamers read here are those of this revision,
 * and a later revision's event always carries a later state. Every status change passes here, so
 * it first brings the budget reservation in step with the status (syncFunding). Returns the
 * campaign as it now is.
 */
export async function writeCampaignChanged(tx: Prisma.TransactionClient, changed: Campaign): Promise<Campaign> {
  const campaign = await syncFunding(tx, changed);
  const booked = await tx.participation.findMany({
    where: { campaignId: campaign.id, status: { in: [...BOOKED] } },
    select: { streamerId: true },
    orderBy: { streamerId: 'asc' },
  });
  await writeEvent(tx, CampaignChanged, {
    subject: campaign.id,
    data: { ...ownFacts(campaign), streamerIds: booked.map((row) => row.streamerId), revision: campaign.revision },
  });
  return campaign;
}
