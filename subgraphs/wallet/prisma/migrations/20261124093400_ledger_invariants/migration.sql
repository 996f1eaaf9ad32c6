-- Ledger invariants enforced by the database itself, whatever code writes to it.
-- Written by hand: Prisma cannot express NULLS NOT DISTINCT, CHECK constraints or triggers.
--
-- NOTE: the migrator (the WASM schema engine through @prisma/adapter-pg) splits a script on every
-- semicolon, even inside quoted function bodies. So this file has semicolons only between
-- statements, and the PL/pgSQL bodies are E'' strings where \073 (octal) stands for the semicolon.
-- prisma migrate deploy reads the same file the same way.

-- One platform wallet, and one platform account per kind and currency: a NULL ownerId counts as a value.
DROP INDEX "Wallet_ownerType_ownerId_key";
CREATE UNIQUE INDEX "Wallet_ownerType_ownerId_key" ON "Wallet"("ownerType", "ownerId") NULLS NOT DISTINCT;
DROP INDEX "LedgerAccount_ownerType_ownerId_kind_currency_key";
CREATE UNIQUE INDEX "LedgerAccount_ownerType_ownerId_kind_currency_key"
  ON "LedgerAccount"("ownerType", "ownerId", "kind", "currency") NULLS NOT DISTINCT;

-- The platform owns without an id, brands and streamers always have one.
ALTER TABLE "Wallet" ADD CONSTRAINT "Wallet_owner_check" CHECK (("ownerType" = 'PLATFORM') = ("ownerId" IS NULL));
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_owner_check" CHECK (("ownerType" = 'PLATFORM') = ("ownerId" IS NULL));
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
-- No overdraft unless the account is allowed one (the provider clearing account is).
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_balance_check" CHECK ("allowNegative" OR "balanceMinor" >= 0);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_check" CHECK ("amountMinor" <> 0);

-- An entry is in its account's currency.
CREATE FUNCTION ledger_entry_check_currency() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "LedgerAccount" WHERE id = NEW."accountId" AND currency = NEW.currency) THEN
    RAISE EXCEPTION ''ledger entry currency % differs from its account currency'', NEW.currency
      USING ERRCODE = ''check_violation''\073
  END IF\073
  RETURN NEW\073
END
';
CREATE TRIGGER "LedgerEntry_currency" BEFORE INSERT ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_check_currency();

-- At commit, every transaction written has entries, and they sum to zero in each currency.
CREATE FUNCTION ledger_check_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  tx_id uuid\073
  unbalanced record\073
BEGIN
  IF TG_TABLE_NAME = ''LedgerEntry'' THEN
    tx_id := NEW."transactionId"\073
  ELSE
    tx_id := NEW.id\073
  END IF\073
  IF NOT EXISTS (SELECT 1 FROM "LedgerEntry" WHERE "transactionId" = tx_id) THEN
    RAISE EXCEPTION ''ledger transaction % has no entries'', tx_id USING ERRCODE = ''check_violation''\073
  END IF\073
  SELECT currency, sum("amountMinor") AS total INTO unbalanced
    FROM "LedgerEntry" WHERE "transactionId" = tx_id
    GROUP BY currency HAVING sum("amountMinor") <> 0 LIMIT 1\073
  IF FOUND THEN
    RAISE EXCEPTION ''ledger transaction % is unbalanced: % % left over'', tx_id, unbalanced.total, unbalanced.currency
      USING ERRCODE = ''check_violation''\073
  END IF\073
  RETURN NULL\073
END
';
CREATE CONSTRAINT TRIGGER "LedgerEntry_balanced" AFTER INSERT ON "LedgerEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction_balanced();
CREATE CONSTRAINT TRIGGER "LedgerTransaction_balanced" AFTER INSERT ON "LedgerTransaction"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction_balanced();

-- The ledger is append-only: corrections are new (reversal) transactions, never edits.
CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''% is append-only: % is not allowed'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''restrict_violation''\073
END
';
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER "LedgerTransaction_append_only" BEFORE UPDATE OR DELETE ON "LedgerTransaction"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER "LedgerTransaction_no_truncate" BEFORE TRUNCATE ON "LedgerTransaction"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
