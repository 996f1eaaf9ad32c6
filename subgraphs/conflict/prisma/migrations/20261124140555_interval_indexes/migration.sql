-- CreateTable
CREATE TABLE "CampaignCategoryWindow" (
    "campaignId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "window" tstzrange NOT NULL,

    CONSTRAINT "CampaignCategoryWindow_pkey" PRIMARY KEY ("campaignId","category")
);

-- Written by hand from here: interval indexes keyed by what the rules look up.

-- Multicolumn GiST over a scalar and a range: (category, window), (brandId, window).
-- A trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "CampaignCategoryWindow"
    ADD CONSTRAINT "CampaignCategoryWindow_campaignId_fkey" FOREIGN KEY ("campaignId")
        REFERENCES "CampaignFacts"("campaignId") ON DELETE CASCADE;
CREATE INDEX "CampaignCategoryWindow_category_window_gist" ON "CampaignCategoryWindow" USING gist ("category", "window");

-- Exclusivities: a brand's competing campaigns overlapping a window.
CREATE INDEX "CampaignFacts_brandId_window_gist" ON "CampaignFacts" USING gist ("brandId", "window")
    WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');

-- GIN's pending list (fastupdate) makes every lookup scan the entries not merged yet (hundreds of
-- pages after a burst of writes, until autovacuum): lookups matter more here than write speed.
ALTER INDEX "CampaignFacts_streamerIds_gin" SET (fastupdate = off);
ALTER INDEX "CampaignFacts_effectiveCategories_gin" SET (fastupdate = off);
ALTER INDEX "CampaignFacts_platforms_gin" SET (fastupdate = off);
ALTER INDEX "CampaignFacts_effectiveCategories_all_gin" SET (fastupdate = off);
SELECT gin_clean_pending_list('"CampaignFacts_streamerIds_gin"'::regclass),
       gin_clean_pending_list('"CampaignFacts_effectiveCategories_gin"'::regclass),
       gin_clean_pending_list('"CampaignFacts_platforms_gin"'::regclass),
       gin_clean_pending_list('"CampaignFacts_effectiveCategories_all_gin"'::regclass);

-- Keeps CampaignCategoryWindow in step: after the BEFORE trigger computed the effective categories
-- and PostgreSQL the window, a competing campaign has one row per effective category, others none.
CREATE FUNCTION "conflict_campaign_category_windows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "CampaignCategoryWindow" WHERE "campaignId" = NEW."campaignId";
    IF NEW."status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED') THEN
        INSERT INTO "CampaignCategoryWindow" ("campaignId", "category", "window")
            SELECT DISTINCT NEW."campaignId", category, NEW."window" FROM unnest(NEW."effectiveCategories") AS category;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "CampaignFacts_category_windows_insert" AFTER INSERT ON "CampaignFacts"
    FOR EACH ROW EXECUTE FUNCTION "conflict_campaign_category_windows"();
CREATE TRIGGER "CampaignFacts_category_windows_update" AFTER UPDATE ON "CampaignFacts"
    FOR EACH ROW WHEN (OLD."effectiveCategories" IS DISTINCT FROM NEW."effectiveCategories"
        OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."window" IS DISTINCT FROM NEW."window")
    EXECUTE FUNCTION "conflict_campaign_category_windows"();

INSERT INTO "CampaignCategoryWindow" ("campaignId", "category", "window")
    SELECT DISTINCT "campaignId", category, "window" FROM "CampaignFacts", unnest("effectiveCategories") AS category
    WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');
