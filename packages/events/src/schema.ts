/**
 * The tables this package reads and writes in a subgraph's own database. A producing subgraph
 * declares `OutboxEvent`, a consuming one `InboxEvent`, in its schema.prisma:
 *
 *   /// Transactional outbox (@gametriggers/events): written with the change, published by the relay.
 *   model OutboxEvent {
 *     id          String    @id @db.Uuid
 *     sequence    BigInt    @unique @default(autoincrement())
 *     type        String
 *     subject     String
 *     envelope    Json
 *     createdAt   DateTime  @default(now())
 *     publishedAt DateTime?
 *     attempts    Int       @default(0)
 *     lastError   String?
 *   }
 *
 *   /// Idempotent consumer inbox (@gametriggers/events): one row per handled event, written with its effects.
 *   model InboxEvent {
 *     consumer  String
 *     eventId   String   @db.Uuid
 *     type      String
 *     handledAt DateTime @default(now())
 *
 *     @@id([consumer, eventId])
 *   }
 *
 * and appends OUTBOX_TRIGGER_SQL to the migration that creates OutboxEvent (Prisma cannot express
 * the partial index or the NOTIFY trigger that wakes the relay at commit).
 */
export const OUTBOX_TRIGGER_SQL = `
CREATE INDEX "OutboxEvent_unpublished_idx" ON "OutboxEvent" ("sequence") WHERE "publishedAt" IS NULL;
CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('outbox_event', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "OutboxEvent_notify" AFTER INSERT ON "OutboxEvent" FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
`;

/** The same tables in plain SQL (what Prisma generates for the models above), for tests. */
export const EVENT_TABLES_SQL = `
CREATE TABLE "OutboxEvent" (
  "id" UUID NOT NULL PRIMARY KEY,
  "sequence" BIGSERIAL NOT NULL UNIQUE,
  "type" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "envelope" JSONB NOT NULL,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "publishedAt" TIMESTAMP(3),
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "lastError" TEXT
);
CREATE TABLE "InboxEvent" (
  "consumer" TEXT NOT NULL,
  "eventId" UUID NOT NULL,
  "type" TEXT NOT NULL,
  "handledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("consumer", "eventId")
);
${OUTBOX_TRIGGER_SQL}`;
