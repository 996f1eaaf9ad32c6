import { CampaignReviewed, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { applyReview } from './apply-review';

/** The campaign subgraph's event consumer (queue `campaign`): the conflict engine's verdicts on submissions. */
export function createReviewConsumer(db: Db, deps: SubgraphDependencies): ConsumerOptions {
  return createConsumer({
    consumer: 'campaign',
    db,
    handlers: [
      on(CampaignReviewed, async (tx: Prisma.TransactionClient, review) => {
        const status = await applyReview(tx, review);
        return () =>
          deps.logger.info(
            { campaignId: review.campaignId, decision: review.decision, status },
            status ? 'campaign reviewed' : 'stale review ignored',
          );
      }),
    ],
  });
}
