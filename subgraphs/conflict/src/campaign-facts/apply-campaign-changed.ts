import { PermanentEventError } from '@gametriggers/events';
import type { CampaignChanged, EventData } from '@gametriggers/events';
import type { Prisma } from '../generated/prisma/client';

/**
 * Takes the facts a CampaignChanged event carries, unless the facts held are from the same or a
 * later revision of the campaign: one statement (insert, or update where the stored revision is
 * lower), so events delivered out of order, replayed or handled concurrently never put older facts
 * over newer ones. The status decides whether the campaign competes (see COMPETING_STATUSES);
 * the effective categories follow from a trigger. Returns whether the facts were taken.
 */
export async function applyCampaignChanged(tx: Prisma.TransactionClient, data: EventData<typeof CampaignChanged>): Promise<boolean> {
  if (Date.parse(data.endsAt) <= Date.parse(data.startsAt)) {
    throw new PermanentEventError(`campaign ${data.campaignId} revision ${data.revision}: endsAt is not after startsAt`);
  }
  const categories = [...new Set(data.categories)];
  const platforms = [...new Set(data.platforms)];
  const streamerIds = [...new Set(data.streamerIds.map((id) => id.toLowerCase()))];
  const taken = await tx.$executeRaw`
    INSERT INTO "CampaignFacts" ("campaignId", "brandId", "status", "categories", "platforms", "startsAt", "endsAt", "streamerIds", "revision", "updatedAt")
    VALUES (
      ${data.campaignId.toLowerCase()}::uuid, ${data.brandId.toLowerCase()}::uuid, ${data.status}, ${categories}::text[], ${platforms}::text[],
      ${data.startsAt}::timestamptz AT TIME ZONE 'UTC', ${data.endsAt}::timestamptz AT TIME ZONE 'UTC',
      ${streamerIds}::uuid[], ${data.revision}, CURRENT_TIMESTAMP
    )
    ON CONFLICT ("campaignId") DO UPDATE SET
      "brandId" = EXCLUDED."brandId", "status" = EXCLUDED."status", "categories" = EXCLUDED."categories", "platforms" = EXCLUDED."platforms",
      "startsAt" = EXCLUDED."startsAt", "endsAt" = EXCLUDED."endsAt", "streamerIds" = EXCLUDED."streamerIds",
      "revision" = EXCLUDED."revision", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "CampaignFacts"."revision" < EXCLUDED."revision"`;
  return taken === 1;
}
