import { defineJob, handleJob } from '@gametriggers/events';
import type { JobHandler } from '@gametriggers/events';
import { z } from 'zod';
import type { Db } from '../db';
import { purgeExpired } from './purge-expired';

export const PurgeExpiredJob = defineJob({ name: 'identity.purge-expired', schema: z.object({}), maxAttempts: 3 });

/** identity's jobs: an hourly purge of ended sessions, stale OAuth flows and rate limit counters. */
export function createIdentityJobHandlers(db: Db): JobHandler[] {
  return [
    handleJob(
      PurgeExpiredJob,
      async (_payload, { logger }) => {
        const purged = await purgeExpired(db);
        if (purged.sessions || purged.oauthFlows || purged.rateLimits) logger.info(purged, 'purged expired identity records');
      },
      { cron: '17 * * * *', payload: {} },
    ),
  ];
}
