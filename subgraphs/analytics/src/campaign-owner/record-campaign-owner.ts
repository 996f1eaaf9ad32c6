import type { Prisma } from '../generated/prisma/client';

/**
 * Keeps the copy of which brand owns a campaign. A campaign's brand never changes, so any event
 * that names it will do; a CampaignChanged `revision` only moves forward (an older, redelivered
 * one changes nothing), and a DeliveryRecorded (revision 0) only fills a gap.
 */
export async function recordCampaignOwner(
  tx: Prisma.TransactionClient,
  owner: { campaignId: string; brandId: string; revision?: number },
): Promise<void> {
  const revision = owner.revision ?? 0;
  await tx.$executeRaw`
    INSERT INTO "CampaignOwner" ("campaignId", "brandId", "revision", "updatedAt")
    VALUES (${owner.campaignId.toLowerCase()}::uuid, ${owner.brandId.toLowerCase()}::uuid, ${revision}, now())
    ON CONFLICT ("campaignId") DO UPDATE
       SET "brandId" = EXCLUDED."brandId", "revision" = EXCLUDED."revision", "updatedAt" = now()
     WHERE "CampaignOwner"."revision" < EXCLUDED."revision"`;
}
