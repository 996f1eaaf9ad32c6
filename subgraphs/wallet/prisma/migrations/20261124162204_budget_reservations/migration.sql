-- CreateEnum
CREATE TYPE "BudgetReservationStatus" AS ENUM ('RESERVED', 'FAILED', 'RELEASED');

-- CreateTable
CREATE TABLE "BudgetReservation" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "status" "BudgetReservationStatus" NOT NULL,
    "holdTransactionId" UUID,
    "creditedMinor" BIGINT NOT NULL DEFAULT 0,
    "releasedMinor" BIGINT NOT NULL DEFAULT 0,
    "releaseTransactionId" UUID,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BudgetReservation_campaignId_createdAt_idx" ON "BudgetReservation"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "BudgetReservation_brandId_createdAt_idx" ON "BudgetReservation"("brandId", "createdAt");

-- What a reservation still holds never goes below zero, and only the three counters and the
-- status move: a reservation is never deleted.
ALTER TABLE "BudgetReservation"
  ADD CONSTRAINT "BudgetReservation_amounts" CHECK (
    "amountMinor" > 0 AND "creditedMinor" >= 0 AND "releasedMinor" >= 0
    AND "creditedMinor" + "releasedMinor" <= "amountMinor"
  );

CREATE FUNCTION "BudgetReservation_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'budget reservations are never deleted (%)', OLD."id";
  END IF;
  IF NEW."id" <> OLD."id" OR NEW."campaignId" <> OLD."campaignId" OR NEW."brandId" <> OLD."brandId"
     OR NEW."currency" <> OLD."currency" OR NEW."amountMinor" <> OLD."amountMinor"
     OR NEW."creditedMinor" < OLD."creditedMinor" OR NEW."releasedMinor" < OLD."releasedMinor" THEN
    RAISE EXCEPTION 'budget reservation % may only pay out and release more', OLD."id";
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "BudgetReservation_guard" BEFORE UPDATE OR DELETE ON "BudgetReservation"
  FOR EACH ROW EXECUTE FUNCTION "BudgetReservation_guard"();
