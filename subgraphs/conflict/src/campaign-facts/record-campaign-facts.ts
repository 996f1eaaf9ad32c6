import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CampaignFactsInput } from './campaign-facts.inputs';

/**
 * Records the facts of a campaign by hand (admin correction, backfill): an upsert keyed by
 * campaign id, so recording the same facts twice leaves the same row as recording them once.
 * CampaignChanged events keep the facts in step on their own; this carries no revision, so it keeps
 * the revision already held (0 for a campaign no event has reached yet). The campaign's next
 * change therefore replaces what was recorded here, while older or replayed events still change
 * nothing.
 */
export async function recordCampaignFacts(db: Db, input: CampaignFactsInput) {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new BadUserInputError('input.endsAt', 'endsAt must be after startsAt');
  const campaignId = input.campaignId.toLowerCase();
  const facts = {
    brandId: input.brandId.toLowerCase(),
    categories: [...new Set(input.categories)],
    platforms: [...new Set(input.platforms)],
    countries: [...new Set(input.countries ?? [])],
    status: input.status ?? 'ACTIVE',
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    streamerIds: [...new Set(input.streamerIds.map((id) => id.toLowerCase()))],
  };
  return db.campaignFacts.upsert({ where: { campaignId }, create: { campaignId, ...facts }, update: facts });
}
