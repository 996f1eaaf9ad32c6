-- DropIndex
DROP INDEX "LedgerAccount_ownerType_ownerId_kind_currency_key";

-- AlterTable
ALTER TABLE "LedgerAccount" ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0;

-- CreateIndex
-- Edited by hand: NULLS NOT DISTINCT, so the platform (ownerId NULL) has one account per kind, currency and shard.
CREATE UNIQUE INDEX "LedgerAccount_ownerType_ownerId_kind_currency_shard_key"
  ON "LedgerAccount"("ownerType", "ownerId", "kind", "currency", "shard") NULLS NOT DISTINCT;

-- Written by hand (see the NOTE in ledger_invariants: E'' bodies, \073 for semicolons).
-- Only platform accounts are sharded, into at most 64 shards.
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_shard_check" CHECK ("shard" BETWEEN 0 AND 63 AND ("ownerType" = 'PLATFORM' OR "shard" = 0));

-- The guard of ledger_hardening, now also keeping an account's shard.
CREATE OR REPLACE FUNCTION ledger_account_guard() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    RAISE EXCEPTION ''LedgerAccount rows are never deleted'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF TG_OP = ''INSERT'' THEN
    IF NEW."balanceMinor" <> 0 THEN
      RAISE EXCEPTION ''a ledger account starts at zero, its entries make its balance'' USING ERRCODE = ''restrict_violation''\073
    END IF\073
    RETURN NEW\073
  END IF\073
  IF NEW."balanceMinor" IS DISTINCT FROM OLD."balanceMinor" AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION ''LedgerAccount.balanceMinor changes only by inserting ledger entries'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  IF NEW."walletId" <> OLD."walletId" OR NEW."ownerType" <> OLD."ownerType" OR NEW."ownerId" IS DISTINCT FROM OLD."ownerId"
     OR NEW.kind <> OLD.kind OR NEW.currency <> OLD.currency OR NEW."allowNegative" <> OLD."allowNegative" OR NEW.shard <> OLD.shard THEN
    RAISE EXCEPTION ''a ledger account keeps its wallet, owner, kind, currency, shard and overdraft rule'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  RETURN NEW\073
END
';
