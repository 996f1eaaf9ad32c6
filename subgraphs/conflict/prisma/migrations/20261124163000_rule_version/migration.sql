-- Written by hand: what Prisma cannot express.

-- The version of the rule set: one row, bumped in the same transaction as any change to
-- "ConflictRule" (any statement, any client: the graph's mutations, the seed, SQL by hand). The
-- engine keeps the enabled rules in memory and reads only this number with the campaign's facts:
-- a different number means the rules changed and are read again (see src/engine/rule-cache.ts).
-- A table row, not a sequence: it is transactional, so a reader never sees the new number before
-- the new rules.
CREATE TABLE "ConflictRuleVersion" (
    "id" BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK ("id"),
    "version" BIGINT NOT NULL
);
INSERT INTO "ConflictRuleVersion" ("id", "version") VALUES (TRUE, 1);

CREATE FUNCTION "conflict_rule_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ConflictRuleVersion" SET "version" = "version" + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER "ConflictRule_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConflictRule"
    FOR EACH STATEMENT EXECUTE FUNCTION "conflict_rule_version_bump"();
