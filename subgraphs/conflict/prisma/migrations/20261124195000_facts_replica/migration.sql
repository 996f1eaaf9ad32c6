-- Written by hand: change tracking for the engine's in-memory copy of the campaign facts
-- (src/engine/facts-replica.ts). Each evaluation reads, in the same statement as the campaign's own
-- facts, the rows changed since its copy was last brought up to date; nothing else is read.

-- Which transaction last wrote a row, and a per-row order of writes:
--  - "changedXid": rows written by a transaction that commits after a snapshot S all carry an id
--    at least S's xmin (the oldest transaction still running when S was taken), so "changedXid >=
--    the xmin of the snapshot the copy was last synced at" never misses a late commit;
--  - "changeSeq": later writes of a row get a higher number (row locks serialise them), so a copy
--    that hears of two versions out of order keeps the newer.
CREATE SEQUENCE "CampaignFacts_changeSeq_seq";
ALTER TABLE "CampaignFacts"
    ADD COLUMN "changedXid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN "changeSeq" BIGINT NOT NULL DEFAULT nextval('"CampaignFacts_changeSeq_seq"');
CREATE INDEX "CampaignFacts_changedXid_idx" ON "CampaignFacts" ("changedXid");

CREATE FUNCTION "conflict_campaign_facts_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."changedXid" := pg_current_xact_id();
    NEW."changeSeq" := nextval('"CampaignFacts_changeSeq_seq"');
    RETURN NEW;
END $$;
CREATE TRIGGER "CampaignFacts_change" BEFORE UPDATE ON "CampaignFacts"
    FOR EACH ROW EXECUTE FUNCTION "conflict_campaign_facts_change"();

-- Deletions leave no row to find: any DELETE or TRUNCATE bumps this number (one row, in the same
-- transaction), and a copy that sees a different number loads everything again. Facts are never
-- deleted in normal operation (a campaign's end is a status), only by hand or by tests.
CREATE TABLE "CampaignFactsEpoch" (
    "id" BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK ("id"),
    "epoch" BIGINT NOT NULL
);
INSERT INTO "CampaignFactsEpoch" ("id", "epoch") VALUES (TRUE, 1);

CREATE FUNCTION "conflict_campaign_facts_epoch_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "CampaignFactsEpoch" SET "epoch" = "epoch" + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER "CampaignFacts_epoch" AFTER DELETE OR TRUNCATE ON "CampaignFacts"
    FOR EACH STATEMENT EXECUTE FUNCTION "conflict_campaign_facts_epoch_bump"();
