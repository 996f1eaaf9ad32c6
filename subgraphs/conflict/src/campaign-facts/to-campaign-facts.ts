import type { Platform } from '@gametriggers/federation';
import type { CampaignFacts as CampaignFactsRow } from '../generated/prisma/client';
import type { CampaignFacts } from './campaign-facts.type';

export function toCampaignFacts(row: CampaignFactsRow): CampaignFacts {
  return {
    campaignId: row.campaignId,
    brandId: row.brandId,
    categories: row.categories,
    effectiveCategories: row.effectiveCategories,
    platforms: row.platforms as Platform[],
    countries: row.countries,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    streamerIds: row.streamerIds,
    updatedAt: row.updatedAt,
  };
}
