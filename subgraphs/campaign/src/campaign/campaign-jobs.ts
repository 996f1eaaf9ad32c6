import { defineJob, jobKeyOf, scheduleJob, unscheduleJob } from '@gametriggers/events';
import { z } from 'zod';
import type { Campaign, Prisma } from '../generated/prisma/client';

const CampaignJobPayload = z.object({ campaignId: z.uuid() });

/** At startsAt: SCHEDULED -> ACTIVE (does nothing if the campaign is no longer SCHEDULED). */
export const StartCampaignJob = defineJob({ name: 'campaign.start', schema: CampaignJobPayload, maxAttempts: 10 });
/** At endsAt: ACTIVE or PAUSED -> COMPLETED (does nothing if the campaign is no longer either). */
export const EndCampaignJob = defineJob({ name: 'campaign.end', schema: CampaignJobPayload, maxAttempts: 10 });
/**
 * Every campaign that should have a pending start or end job gets one: for campaigns written
 * without one (demo data, a restored backup, a job removed by hand). At each start and hourly.
 */
export const ReconcileCampaignJobsJob = defineJob({ name: 'campaign.reconcile-jobs', schema: z.object({}), maxAttempts: 5 });

/**
 * Keeps a campaign's scheduled jobs in step with the status it just moved to, in the transaction
 * of that move (one pending job of each type per campaign: the campaign id is the job key):
 * SCHEDULED schedules its start at startsAt; ACTIVE (by the start job, by hand, or resumed) drops
 * a pending start and schedules its end at endsAt; COMPLETED and CANCELLED drop both. A PAUSED
 * campaign keeps (or gets) its end: its window is over at endsAt either way.
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
    case 'PAUSED':
      await scheduleJob(tx, EndCampaignJob, payload, { runAt: campaign.endsAt, jobKey: campaign.id });
      break;
    default:
      break;
  }
}

/**
 * The SCHEDULED campaigns with no pending start job and the ACTIVE or PAUSED ones with no pending
 * end job (graphile-worker keeps a job's row, locked, while it runs).
 */
export async function campaignsMissingJobs(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT campaign."id"::text AS "id" FROM "Campaign" AS campaign
     WHERE campaign."status" IN ('SCHEDULED', 'ACTIVE', 'PAUSED')
       AND NOT EXISTS (
         SELECT 1 FROM graphile_worker._private_jobs AS job
         WHERE job."key" = (CASE campaign."status" WHEN 'SCHEDULED' THEN $1 ELSE $2 END) || campaign."id"::text)`,
    jobKeyOf(StartCampaignJob, ''),
    jobKeyOf(EndCampaignJob, ''),
  );
  return rows.map((row) => row.id);
}
