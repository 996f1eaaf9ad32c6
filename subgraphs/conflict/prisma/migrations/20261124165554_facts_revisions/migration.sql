-- AlterTable
ALTER TABLE "BrandFacts" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StreamerFacts" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- Written by hand: a brand's categories reach its campaigns' effective categories through the
-- "BrandFacts_inherited" trigger of the rules_engine migration (INSERT OR UPDATE). Two gaps, now
-- that BrandProfileChanged writes BrandFacts on every revision:
--  - an update that changes only the revision rewrote every campaign of the brand for nothing:
--    updates fire only when the categories (or the brand id) change;
--  - a deleted BrandFacts row (a correction by hand) left its categories in the campaigns:
--    deletes recompute them too (the row is gone by then, so the brand's categories drop out).
CREATE OR REPLACE FUNCTION "conflict_brand_facts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "CampaignFacts" SET "effectiveCategories" = '{}'
        WHERE "brandId" IN (
            CASE WHEN TG_OP <> 'DELETE' THEN NEW."brandId" END,
            CASE WHEN TG_OP <> 'INSERT' THEN OLD."brandId" END
        );
    RETURN NULL;
END $$;
DROP TRIGGER "BrandFacts_inherited" ON "BrandFacts";
CREATE TRIGGER "BrandFacts_inherited_insert" AFTER INSERT ON "BrandFacts"
    FOR EACH ROW EXECUTE FUNCTION "conflict_brand_facts_changed"();
CREATE TRIGGER "BrandFacts_inherited_update" AFTER UPDATE ON "BrandFacts"
    FOR EACH ROW WHEN (OLD."categories" IS DISTINCT FROM NEW."categories" OR OLD."brandId" IS DISTINCT FROM NEW."brandId")
    EXECUTE FUNCTION "conflict_brand_facts_changed"();
CREATE TRIGGER "BrandFacts_inherited_delete" AFTER DELETE ON "BrandFacts"
    FOR EACH ROW EXECUTE FUNCTION "conflict_brand_facts_changed"();
