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

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_sequence_key" ON "OutboxEvent"("sequence");

-- Relay support that Prisma cannot express (as in the campaign subgraph): the index of unpublished
-- events and the NOTIFY that wakes the relay at commit. E'' body with \073 for semicolons: the
-- migrator splits scripts on semicolons.
CREATE INDEX "OutboxEvent_unpublished_idx" ON "OutboxEvent" ("sequence") WHERE "publishedAt" IS NULL;
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''outbox_event'', '''')\073
  RETURN NULL\073
END
';
CREATE TRIGGER "OutboxEvent_notify" AFTER INSERT ON "OutboxEvent" FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
