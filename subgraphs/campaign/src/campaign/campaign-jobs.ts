import { defineJob, scheduleJob, unscheduleJob } from '@gametriggers/events';
import { z } from 'zod';
import type { Campaign, Prisma } from '../generated/prisma/client';

const CampaignJobPayload = z.object({ campaignId: z.uuid() });

/** At startsAt: SCHEDULED -> ACTIVE (does nothing if the campaign is no longer SCHEDULED). */
export const StartCampaignJob = defineJob({ name: 'campaign.start', schema: CampaignJobPayload, maxAttempts: 10 });
/** At endsAt: ACTIVE or PAUSED -> COMPLETED (does nothing if the campaign is no longer either). */
export const EndCampaignJob = defineJob({ name: 'campaign.end', schema: CampaignJobPayload, maxAttempts: 10 });

/**
 * Keeps a campaign's scheduled jobs in step with the status it just moved to, in the transaction
 * of that move (one pending job of each type per campaign: the campaign id is the job key):
 * SCHEDULED schedules its start at startsAt; ACTIVE (by the start job, by hand, or resumed) drops
 * a pending start and schedules its end at endsAt; COMPLETED and CANCELLED drop both. A PAUSED
 * campaign keeps its end: its window is over at endsAt either way.
 */
export async function scheduleCampaignJobs(tx: Prisma.TransactionClient, campaign: Campaign): Promise<void> {
  const payload = { campaignId: campaign.id };
  switch (campaign.status) {
    case 'SCHEDULED':
      await scheduleJob(tx, StartCampaignJob, payload, { runAt: campaign.startsAt, jobKey: campaign.id });
      break;
    case 'ACTIVE':
      await unscheduleJob(tx, StartCampaignJob, campaign.id);
      await scheduleJob(tx, EndCampaignJob, payload, { runAt: campaign.endsAt, jobKey: campaign.id });
      break;
    case 'COMPLETED':
    case 'CANCELLED':
      await unscheduleJob(tx, StartCampaignJob, campaign.id);
      await unscheduleJob(tx, EndCampaignJob, campaign.id);
      break;
    default:
      break;
  }
}
