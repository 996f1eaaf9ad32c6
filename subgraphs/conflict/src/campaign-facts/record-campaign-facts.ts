import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CampaignFactsInput } from './campaign-facts.inputs';

/**
 * Records the facts of a campaign: an upsert keyed by campaign id, so delivering the same event
 * twice (at-least-once delivery) leaves the same row as delivering it once.
 */
export async function recordCampaignFacts(db: Db, input: CampaignFactsInput) {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new BadUserInputError('input.endsAt', 'endsAt must be after startsAt');
  const campaignId = input.campaignId.toLowerCase();
  const facts = {
    brandId: input.brandId.toLowerCase(),
    categories: [...new Set(input.categories)],
    platforms: [...new Set(input.platforms)],
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    streamerIds: [...new Set(input.streamerIds.map((id) => id.toLowerCase()))],
  };
  return db.campaignFacts.upsert({ where: { campaignId }, create: { campaignId, ...facts }, update: facts });
}
