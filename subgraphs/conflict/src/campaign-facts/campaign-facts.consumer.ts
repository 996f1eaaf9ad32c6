import { CampaignChanged, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { applyCampaignChanged } from './apply-campaign-changed';

/**
 * The conflict subgraph's event consumer (queue `conflict`): keeps its copy of each campaign's
 * facts in step with the campaign subgraph. Each event is handled once (the inbox) in one
 * transaction with its effect; older revisions change nothing.
 */
export function createCampaignFactsConsumer(db: Db): ConsumerOptions {
  return createConsumer({
    consumer: 'conflict',
    db,
    handlers: [
      on(CampaignChanged, async (tx: Prisma.TransactionClient, data) => {
        await applyCampaignChanged(tx, data);
      }),
    ],
  });
}
