-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- Written by hand: brands created before BrandProfileChanged existed get one now (revision 1,
-- their current industry and content categories), so consumers (conflict) hold every brand's
-- facts, not only those of brands that change from now on. The envelope is writeEvent's
-- (@gametriggers/events); one event id per brand (gen_random_uuid in the CTE's select list).
WITH "current" AS (
    SELECT gen_random_uuid() AS "eventId", b.* FROM "Brand" b
)
INSERT INTO "OutboxEvent" ("id", "type", "subject", "envelope")
SELECT c."eventId", 'brand.profile.changed', c."id"::text, jsonb_build_object(
    'specversion', '1.0',
    'id', c."eventId",
    'source', '/subgraphs/brand',
    'type', 'brand.profile.changed',
    'dataversion', 1,
    'subject', c."id"::text,
    'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'correlationid', c."eventId",
    'datacontenttype', 'application/json',
    'data', jsonb_build_object(
        'brandId', c."id",
        'industry', c."industry",
        'contentCategories', to_jsonb(c."contentCategories"),
        'revision', c."revision"
    )
)
FROM "current" c
ORDER BY c."createdAt", c."id";
