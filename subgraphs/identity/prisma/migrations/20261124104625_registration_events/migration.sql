-- CreateEnum
CREATE TYPE "AccountRegistrationStatus" AS ENUM ('PENDING', 'ACTIVE', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountStatus" ADD VALUE 'PENDING';
ALTER TYPE "AccountStatus" ADD VALUE 'FAILED';

-- DropIndex
DROP INDEX "Account_kind_email_key";

-- CreateTable
CREATE TABLE "AccountRegistration" (
    "accountId" UUID NOT NULL,
    "kind" "AccountKind" NOT NULL,
    "entityId" UUID NOT NULL,
    "status" "AccountRegistrationStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "failureField" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "AccountRegistration_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxEvent" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "handledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxEvent_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountRegistration_entityId_key" ON "AccountRegistration"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_sequence_key" ON "OutboxEvent"("sequence");

-- CreateIndex
CREATE INDEX "Account_kind_email_idx" ON "Account"("kind", "email");

-- AddForeignKey
ALTER TABLE "AccountRegistration" ADD CONSTRAINT "AccountRegistration_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Relay support that Prisma cannot express (OUTBOX_TRIGGER_SQL of @gametriggers/events): the
-- index of unpublished events and the NOTIFY that wakes the relay at commit.
CREATE INDEX "OutboxEvent_unpublished_idx" ON "OutboxEvent" ("sequence") WHERE "publishedAt" IS NULL;
CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('outbox_event', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "OutboxEvent_notify" AFTER INSERT ON "OutboxEvent" FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
