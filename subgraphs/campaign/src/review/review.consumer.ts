import {
  BudgetReservationFailed,
  BudgetReserved,
  CampaignReviewed,
  ParticipationChecked,
  StreamerProfileChanged,
  createConsumer,
  on,
} from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from '../db';
import { applyBudgetReservationFailed, applyBudgetReserved } from '../funding/apply-funding';
import type { Prisma } from '../generated/prisma/client';
import { applyParticipationCheck } from '../participation/apply-participation-check';
import { applyStreamerProfileChanged } from '../streamer-profile/streamer-profile';
import { applyReview } from './apply-review';

/**
 * The campaign subgraph's event consumer (queue `campaign`): the conflict engine's verdicts on
 * submissions, the wallet's answers to their budget reservations (a submission is approved
 * automatically once both the verdict (ALLOW) and the reservation are in, whichever comes first),
 * the engine's checks of streamers' applications, and the streamers' profiles (eligibility).
 */
export function createReviewConsumer(db: Db, deps: SubgraphDependencies): ConsumerOptions {
  const log = (campaignId: string, what: string, status: string | null) => () =>
    deps.logger.info({ campaignId, status }, status ? what : `stale ${what} ignored`);
  return createConsumer({
    consumer: 'campaign',
    db,
    handlers: [
      on(CampaignReviewed, async (tx: Prisma.TransactionClient, review) =>
        log(review.campaignId, `campaign reviewed: ${review.decision}`, await applyReview(tx, review)),
      ),
      on(ParticipationChecked, async (tx: Prisma.TransactionClient, check) => {
        const status = await applyParticipationCheck(tx, check);
        return () =>
          deps.logger.info(
            { participationId: check.participationId, decision: check.decision, status },
            status ? 'application checked' : 'stale check ignored',
          );
      }),
      on(StreamerProfileChanged, (tx: Prisma.TransactionClient, data) => applyStreamerProfileChanged(tx, data).then(() => undefined)),
      on(BudgetReserved, async (tx: Prisma.TransactionClient, data) =>
        log(data.campaignId, 'budget reserved', await applyBudgetReserved(tx, data)),
      ),
      on(BudgetReservationFailed, async (tx: Prisma.TransactionClient, data) =>
        log(data.campaignId, `budget reservation failed: ${data.reason}`, await applyBudgetReservationFailed(tx, data)),
      ),
    ],
  });
}
