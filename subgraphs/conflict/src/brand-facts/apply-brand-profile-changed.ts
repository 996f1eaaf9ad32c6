import { CATEGORY_PATTERN } from '@gametriggers/federation';
import type { BrandProfileChanged, EventData } from '@gametriggers/events';
import type { Prisma } from '../generated/prisma/client';

type Profile = EventData<typeof BrandProfileChanged>;

/**
 * The categories a brand's campaigns inherit: its industry, when it is a category slug (the brand
 * subgraph takes free text, e.g. "Food & Drink", which no rule could name); none otherwise. Content
 * categories are what the brand wants to sponsor, not what it sells: they are not inherited.
 */
export function inheritedCategories(industry: string): string[] {
  return CATEGORY_PATTERN.test(industry) ? [industry] : [];
}

/**
 * Takes a BrandProfileChanged event into BrandFacts, unless the facts held are from the same or a
 * later revision of the brand: one statement, so events out of order, replayed or handled
 * concurrently never put older facts over newer ones. The brand's campaigns get their effective
 * categories recomputed by the BrandFacts trigger when the categories change (facts_revisions
 * migration). Returns whether the facts were taken.
 */
export async function applyBrandProfileChanged(tx: Prisma.TransactionClient, data: Profile): Promise<boolean> {
  const taken = await tx.$executeRaw`
    INSERT INTO "BrandFacts" ("brandId", "categories", "revision", "updatedAt")
    VALUES (${data.brandId.toLowerCase()}::uuid, ${inheritedCategories(data.industry)}::text[], ${data.revision}, CURRENT_TIMESTAMP)
    ON CONFLICT ("brandId") DO UPDATE SET
      "categories" = EXCLUDED."categories", "revision" = EXCLUDED."revision", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "BrandFacts"."revision" < EXCLUDED."revision"`;
  return taken === 1;
}
