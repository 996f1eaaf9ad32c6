-- AlterEnum
ALTER TYPE "LedgerAccountKind" ADD VALUE 'FX_POSITION';

-- AlterEnum
ALTER TYPE "LedgerTransactionKind" ADD VALUE 'CONVERSION';

-- AlterTable
ALTER TABLE "LedgerTransaction" ADD COLUMN     "createdBy" TEXT,
ADD COLUMN     "fxFromCurrency" CHAR(3),
ADD COLUMN     "fxRate" TEXT,
ADD COLUMN     "fxToCurrency" CHAR(3);

-- CreateIndex
CREATE INDEX "LedgerTransaction_createdAt_idx" ON "LedgerTransaction"("createdAt");

-- Written by hand (see the NOTE in ledger_invariants: E'' bodies, \073 for semicolons).

-- A conversion names both currencies and a plain positive decimal rate.
ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_fx_check" CHECK (
  "fxRate" IS NULL OR ("fxFromCurrency" IS NOT NULL AND "fxToCurrency" IS NOT NULL AND "fxRate" ~ '^[0-9]{1,18}(\.[0-9]{1,18})?$'));

-- Balances follow the journal, in the database: inserting an entry adds it to its account's balance
-- (same statement, same transaction), so a balance can never drift from the sum of its entries.
CREATE FUNCTION ledger_entry_apply() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "LedgerAccount"
     SET "balanceMinor" = "balanceMinor" + NEW."amountMinor", "version" = "version" + 1
   WHERE id = NEW."accountId"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "LedgerEntry_apply" AFTER INSERT ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_apply();

-- Nobody else changes a balance: a direct UPDATE of "balanceMinor" (trigger depth 1) is refused, only
-- the entry trigger's (depth 2) passes. An account is born empty, keeps its owner, kind and currency,
-- and is never deleted.
CREATE FUNCTION ledger_account_guard() RETURNS trigger LANGUAGE plpgsql AS E'
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
     OR NEW.kind <> OLD.kind OR NEW.currency <> OLD.currency OR NEW."allowNegative" <> OLD."allowNegative" THEN
    RAISE EXCEPTION ''a ledger account keeps its wallet, owner, kind, currency and overdraft rule'' USING ERRCODE = ''restrict_violation''\073
  END IF\073
  RETURN NEW\073
END
';
CREATE TRIGGER "LedgerAccount_guard" BEFORE INSERT OR UPDATE OR DELETE ON "LedgerAccount"
  FOR EACH ROW EXECUTE FUNCTION ledger_account_guard();
