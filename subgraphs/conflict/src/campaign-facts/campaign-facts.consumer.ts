import { CampaignChanged, ParticipationApplied, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { applyCampaignChanged } from './apply-campaign-changed';
import { checkApplication } from './check-application';
import { reviewSubmission } from './review-submission';

/**
 * The conflict subgraph's event consumer (queue `conflict`): keeps its copy of each campaign's
 * facts in step with the campaign subgraph, reviews each submitted campaign (its verdict goes
 * back as conflict.campaign.reviewed) and checks each streamer's application
 * (conflict.participation.checked). Each event is handled once (the inbox) in one transaction
 * with its effect; older revisions change nothing.
 */
export function createCampaignFactsConsumer(db: Db): ConsumerOptions {
  return createConsumer({
    consumer: 'conflict',
    db,
    handlers: [
      on(CampaignChanged, async (tx: Prisma.TransactionClient, data) => {
        const taken = await applyCampaignChanged(tx, data);
        // A submission (taken: not an older revision replayed) gets the engine's verdict.
        if (taken && data.status === 'SUBMITTED') await reviewSubmission(tx, data);
      }),
      on(ParticipationApplied, (tx: Prisma.TransactionClient, data) => checkApplication(tx, data)),
    ],
  });
}
