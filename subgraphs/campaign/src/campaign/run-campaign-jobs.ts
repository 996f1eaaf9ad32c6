import { handleJob } from '@gametriggers/events';
import type { JobHandler } from '@gametriggers/events';
import type { Db } from '../db';
import { createReleaseEarningsHandler } from '../delivery/release-earnings';
import { EndCampaignJob, ReconcileCampaignJobsJob, StartCampaignJob, campaignsMissingJobs, scheduleCampaignJobs } from './campaign-jobs';
import { transitionCampaign } from './transition-campaign';

/**
 * What the campaign jobs do: the same conditional transition as the API (with its CampaignChanged
 * event and the next job, in one transaction), but only from the status the job expects. If someone
 * cancelled or otherwise moved the campaign meanwhile, the job does nothing; so a job that runs
 * twice (at least once delivery) changes nothing the second time.
 */
export function createCampaignJobHandlers(db: Db): JobHandler[] {
  return [
    handleJob(StartCampaignJob, async ({ campaignId }, { logger }) => {
      const started = await transitionCampaign(db, campaignId, 'ACTIVE', { onlyFrom: ['SCHEDULED'] });
      logger.info(
        { campaignId, started: Boolean(started) },
        started ? 'campaign started on schedule' : 'campaign no longer SCHEDULED; not started',
      );
    }),
    handleJob(EndCampaignJob, async ({ campaignId }, { logger }) => {
      const ended = await transitionCampaign(db, campaignId, 'COMPLETED', { onlyFrom: ['ACTIVE', 'PAUSED'] });
      logger.info(
        { campaignId, ended: Boolean(ended) },
        ended ? 'campaign completed on schedule' : 'campaign no longer running; not completed',
      );
    }),
    handleJob(
      ReconcileCampaignJobsJob,
      async (_payload, { logger }) => {
        const missing = await db.$transaction((tx) => campaignsMissingJobs(tx));
        for (const id of missing) {
          // Each in its own transaction, on the campaign as it is now (locked: a concurrent move wins or waits).
          await db.$transaction(async (tx) => {
            const [campaign] = await tx.$queryRawUnsafe<{ id: string }[]>(
              'SELECT "id" FROM "Campaign" WHERE "id" = $1::uuid FOR UPDATE',
              id,
            );
            const current = campaign && (await tx.campaign.findUnique({ where: { id } }));
            if (current) await scheduleCampaignJobs(tx, current);
          });
        }
        if (missing.length) logger.info({ campaigns: missing.length }, 'scheduled the missing campaign jobs');
      },
      { cron: '17 * * * *', payload: {}, atStart: true },
    ),
    createReleaseEarningsHandler(db),
  ];
}
