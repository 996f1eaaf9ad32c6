-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ConflictRuleType" ADD VALUE 'FREQUENCY_CAP';
ALTER TYPE "ConflictRuleType" ADD VALUE 'CUSTOM';

-- AlterTable
ALTER TABLE "ConflictRule" ADD COLUMN     "condition" JSONB,
ADD COLUMN     "includeSameAdvertiser" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "maxCampaigns" INTEGER,
ADD COLUMN     "periodMinutes" INTEGER;

-- AlterTable
ALTER TABLE "CampaignFacts" ADD COLUMN     "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "effectiveCategories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'ACTIVE';

-- CreateTable
CREATE TABLE "BrandFacts" (
    "brandId" UUID NOT NULL,
    "categories" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandFacts_pkey" PRIMARY KEY ("brandId")
);

-- CreateTable
CREATE TABLE "StreamerFacts" (
    "streamerId" UUID NOT NULL,
    "country" TEXT,
    "averageViewers" INTEGER,
    "categories" TEXT[],
    "platforms" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StreamerFacts_pkey" PRIMARY KEY ("streamerId")
);

-- CreateTable
CREATE TABLE "Category" (
    "slug" TEXT NOT NULL,
    "parentSlug" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "Category_parentSlug_idx" ON "Category"("parentSlug");

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_parentSlug_fkey" FOREIGN KEY ("parentSlug") REFERENCES "Category"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand from here: what Prisma cannot express.

-- Each rule holds exactly the conditions of its type (replaces the constraint of the init migration).
-- "type"::text, not the enum: values added above cannot be used in the transaction that added them.
ALTER TABLE "ConflictRule" DROP CONSTRAINT "ConflictRule_conditions_check";
ALTER TABLE "ConflictRule"
    ADD CONSTRAINT "ConflictRule_conditions_check" CHECK (
        CASE "type"::text
            WHEN 'CATEGORY_CONFLICT' THEN cardinality("competingCategories") >= 2
                AND "exclusiveBrandId" IS NULL AND "exclusivePlatform" IS NULL AND "minimumOverlapMinutes" IS NULL
                AND "maxCampaigns" IS NULL AND "periodMinutes" IS NULL AND "condition" IS NULL
            WHEN 'PLATFORM_EXCLUSIVITY' THEN "exclusiveBrandId" IS NOT NULL AND "exclusivePlatform" IS NOT NULL
                AND cardinality("competingCategories") = 0 AND "minimumOverlapMinutes" IS NULL
                AND "maxCampaigns" IS NULL AND "periodMinutes" IS NULL AND "condition" IS NULL
            WHEN 'TIME_OVERLAP' THEN ("minimumOverlapMinutes" IS NULL OR "minimumOverlapMinutes" >= 0)
                AND cardinality("competingCategories") = 0 AND "exclusiveBrandId" IS NULL AND "exclusivePlatform" IS NULL
                AND "maxCampaigns" IS NULL AND "periodMinutes" IS NULL AND "condition" IS NULL
            WHEN 'FREQUENCY_CAP' THEN "maxCampaigns" >= 1 AND "periodMinutes" >= 0
                AND cardinality("competingCategories") = 0 AND "exclusiveBrandId" IS NULL AND "exclusivePlatform" IS NULL
                AND "minimumOverlapMinutes" IS NULL AND "condition" IS NULL
            WHEN 'CUSTOM' THEN jsonb_typeof("condition") = 'object'
                AND cardinality("competingCategories") = 0 AND "exclusiveBrandId" IS NULL AND "exclusivePlatform" IS NULL
                AND "minimumOverlapMinutes" IS NULL AND "maxCampaigns" IS NULL AND "periodMinutes" IS NULL
        END
    );

-- The category hierarchy: lowercase slugs, never a category's own parent (longer cycles are refused
-- by setCategoryParent, and the ancestor walk below stops on them anyway).
ALTER TABLE "Category"
    ADD CONSTRAINT "Category_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    ADD CONSTRAINT "Category_parent_check" CHECK ("parentSlug" IS DISTINCT FROM "slug");

ALTER TABLE "StreamerFacts"
    ADD CONSTRAINT "StreamerFacts_averageViewers_check" CHECK ("averageViewers" IS NULL OR "averageViewers" >= 0);

-- A campaign's effective categories: its own, its brand's, and every ancestor of either.
-- UNION (not UNION ALL) makes the walk stop even on a cycle.
CREATE FUNCTION "conflict_effective_categories"(own TEXT[], brand UUID) RETURNS TEXT[]
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(slug) AS (
        SELECT unnest(coalesce(own, '{}'))
        UNION SELECT unnest(coalesce(b."categories", '{}')) FROM "BrandFacts" b WHERE b."brandId" = brand
        UNION SELECT c."parentSlug" FROM up JOIN "Category" c ON c."slug" = up.slug WHERE c."parentSlug" IS NOT NULL
    )
    SELECT coalesce(array_agg(slug ORDER BY slug), '{}') FROM up
$$;

-- Every write of campaign facts (events, corrections, the seed) gets its effective categories here.
CREATE FUNCTION "conflict_campaign_facts_effective"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."effectiveCategories" := "conflict_effective_categories"(NEW."categories", NEW."brandId");
    RETURN NEW;
END $$;
CREATE TRIGGER "CampaignFacts_effective_categories" BEFORE INSERT OR UPDATE ON "CampaignFacts"
    FOR EACH ROW EXECUTE FUNCTION "conflict_campaign_facts_effective"();

-- A brand's categories changed: its campaigns inherit them (the update fires the trigger above).
CREATE FUNCTION "conflict_brand_facts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "CampaignFacts" SET "effectiveCategories" = '{}'
        WHERE "brandId" IN (NEW."brandId", CASE WHEN TG_OP = 'UPDATE' THEN OLD."brandId" END);
    RETURN NULL;
END $$;
CREATE TRIGGER "BrandFacts_inherited" AFTER INSERT OR UPDATE ON "BrandFacts"
    FOR EACH ROW EXECUTE FUNCTION "conflict_brand_facts_changed"();

-- The hierarchy changed under a category: recompute the campaigns that are in it (GIN lookup).
CREATE FUNCTION "conflict_category_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."slug" ELSE NEW."slug" END;
BEGIN
    UPDATE "CampaignFacts" SET "effectiveCategories" = '{}' WHERE "effectiveCategories" && ARRAY[moved];
    RETURN NULL;
END $$;
CREATE TRIGGER "Category_hierarchy" AFTER INSERT OR UPDATE OR DELETE ON "Category"
    FOR EACH ROW EXECUTE FUNCTION "conflict_category_changed"();

-- The window as a range, kept by PostgreSQL itself: [startsAt, endsAt) in UTC.
ALTER TABLE "CampaignFacts"
    ADD COLUMN "window" tstzrange GENERATED ALWAYS AS (
        tstzrange("startsAt" AT TIME ZONE 'UTC', "endsAt" AT TIME ZONE 'UTC', '[)')
    ) STORED;

-- Indexes of the evaluation lookups, over the campaigns that compete only (the predicate must be
-- repeated verbatim in queries: see COMPETING_SQL in src/engine/competing.ts).
CREATE INDEX "CampaignFacts_window_gist" ON "CampaignFacts" USING gist ("window")
    WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');
CREATE INDEX "CampaignFacts_streamerIds_gin" ON "CampaignFacts" USING gin ("streamerIds")
    WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');
CREATE INDEX "CampaignFacts_effectiveCategories_gin" ON "CampaignFacts" USING gin ("effectiveCategories")
    WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');
CREATE INDEX "CampaignFacts_platforms_gin" ON "CampaignFacts" USING gin ("platforms")
    WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');
-- The hierarchy trigger looks up every campaign in a category, whatever its status.
CREATE INDEX "CampaignFacts_effectiveCategories_all_gin" ON "CampaignFacts" USING gin ("effectiveCategories");

-- Facts recorded before this migration: fill their effective categories.
UPDATE "CampaignFacts" SET "effectiveCategories" = '{}';
