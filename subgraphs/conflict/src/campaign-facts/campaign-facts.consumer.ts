import {
  BrandProfileChanged,
  CampaignChanged,
  ParticipationApplied,
  StreamerProfileChanged,
  createConsumer,
  on,
} from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import { applyBrandProfileChanged } from '../brand-facts/apply-brand-profile-changed';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { applyCampaignChanged } from './apply-campaign-changed';
import { checkApplication } from './check-application';
import { applyStreamerProfileChanged } from '../streamer-facts/apply-streamer-profile-changed';
import { reviewSubmission } from './review-submission';

/**
 * The conflict subgraph's event consumer (queue `conflict`): keeps its copy of each campaign's
 * facts in step with the campaign subgraph, reviews each submitted campaign (its verdict goes
 * back as conflict.campaign.reviewed) and checks each streamer's application
 * (conflict.participation.checked), and keeps its copies of streamers' facts (StreamerFacts, for
 * custom rules) and brands' categories (BrandFacts, inherited by their campaigns) in step with the
 * streamer and brand subgraphs. Each event is handled once (the inbox) in one transaction with its
 * effect; older revisions change nothing.
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
      on(StreamerProfileChanged, async (tx: Prisma.TransactionClient, data) => {
        await applyStreamerProfileChanged(tx, data);
      }),
      on(BrandProfileChanged, async (tx: Prisma.TransactionClient, data) => {
        await applyBrandProfileChanged(tx, data);
      }),
    ],
  });
}
