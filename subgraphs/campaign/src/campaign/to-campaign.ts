import { Money } from '@gametriggers/federation';
import type { AgeRange, Platform } from '@gametriggers/federation';
import type { Campaign as CampaignRow } from '../generated/prisma/client';
import type { Campaign } from './campaign.type';

/** The GraphQL shape of a stored campaign. */
export function toCampaign(row: CampaignRow): Campaign {
  const money = (minor: bigint) => Money.of(minor, row.currency);
  return {
    id: row.id,
    brand: { id: row.brandId },
    name: row.name,
    description: row.description,
    status: row.status,
    schedule: { startsAt: row.startsAt, endsAt: row.endsAt },
    budget: money(row.budgetMinor),
    dailyCap: row.dailyCapMinor === null ? null : money(row.dailyCapMinor),
    perStreamerCap: row.perStreamerCapMinor === null ? null : money(row.perStreamerCapMinor),
    pricing: { model: row.pricingModel, rate: money(row.rateMinor) },
    spent: money(row.spentMinor),
    targeting: {
      platforms: row.targetPlatforms as Platform[],
      categories: row.targetCategories,
      countries: row.targetCountries,
      languages: row.targetLanguages,
      minAverageViewers: row.minAverageViewers,
      maxAverageViewers: row.maxAverageViewers,
      audienceAgeRanges: row.targetAgeRanges as AgeRange[],
    },
    landingUrl: row.landingUrl,
    autoAcceptApplications: row.autoAcceptApplications,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
