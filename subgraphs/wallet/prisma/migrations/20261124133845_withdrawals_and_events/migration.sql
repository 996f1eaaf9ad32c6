-- CreateEnum
CREATE TYPE "PaymentMethodKind" AS ENUM ('BANK', 'PAYPAL', 'STRIPE');

-- CreateEnum
CREATE TYPE "WithdrawalStatus" AS ENUM ('REQUESTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'PROCESSING', 'PAID', 'FAILED');

-- CreateTable
CREATE TABLE "PaymentMethod" (
    "id" UUID NOT NULL,
    "ownerType" "LedgerOwnerType" NOT NULL,
    "ownerId" UUID NOT NULL,
    "kind" "PaymentMethodKind" NOT NULL,
    "token" TEXT NOT NULL,
    "masked" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "PaymentMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Withdrawal" (
    "id" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "paymentMethodId" UUID NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "WithdrawalStatus" NOT NULL DEFAULT 'REQUESTED',
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requiresApproval" BOOLEAN NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "providerReference" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WithdrawalTransition" (
    "id" UUID NOT NULL,
    "withdrawalId" UUID NOT NULL,
    "fromStatus" "WithdrawalStatus",
    "toStatus" "WithdrawalStatus" NOT NULL,
    "actor" TEXT,
    "note" TEXT,
    "ledgerTransactionId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WithdrawalTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KycDecision" (
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KycDecision_pkey" PRIMARY KEY ("subjectType","subjectId")
);

-- CreateTable
CREATE TABLE "AdminAction" (
    "id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "details" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxPayout" (
    "id" UUID NOT NULL,
    "withdrawalId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "destinationToken" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "SandboxPayout_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "PaymentMethod_token_key" ON "PaymentMethod"("token");

-- CreateIndex
CREATE INDEX "PaymentMethod_ownerType_ownerId_idx" ON "PaymentMethod"("ownerType", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_idempotencyKey_key" ON "Withdrawal"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_providerReference_key" ON "Withdrawal"("providerReference");

-- CreateIndex
CREATE INDEX "Withdrawal_streamerId_currency_createdAt_idx" ON "Withdrawal"("streamerId", "currency", "createdAt");

-- CreateIndex
CREATE INDEX "Withdrawal_status_id_idx" ON "Withdrawal"("status", "id");

-- CreateIndex
CREATE INDEX "WithdrawalTransition_withdrawalId_at_idx" ON "WithdrawalTransition"("withdrawalId", "at");

-- CreateIndex
CREATE INDEX "AdminAction_at_idx" ON "AdminAction"("at");

-- CreateIndex
CREATE INDEX "AdminAction_targetType_targetId_idx" ON "AdminAction"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPayout_withdrawalId_key" ON "SandboxPayout"("withdrawalId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPayout_reference_key" ON "SandboxPayout"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_sequence_key" ON "OutboxEvent"("sequence");

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_paymentMethodId_fkey" FOREIGN KEY ("paymentMethodId") REFERENCES "PaymentMethod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithdrawalTransition" ADD CONSTRAINT "WithdrawalTransition_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "Withdrawal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (see the NOTE in ledger_invariants: E'' bodies, \073 for semicolons).

-- Amounts are positive; a status change needs a history row (withdrawal-transitions.ts).
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_amount_check" CHECK ("amountMinor" > 0);
ALTER TABLE "SandboxPayout" ADD CONSTRAINT "SandboxPayout_status_check" CHECK ("status" IN ('PENDING', 'PAID', 'FAILED'));
ALTER TABLE "KycDecision" ADD CONSTRAINT "KycDecision_status_check" CHECK ("status" IN ('APPROVED', 'REJECTED'));

-- The audit trail of admins and the withdrawal history are append-only, like the ledger.
CREATE TRIGGER "AdminAction_append_only" BEFORE UPDATE OR DELETE ON "AdminAction"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER "WithdrawalTransition_append_only" BEFORE UPDATE OR DELETE ON "WithdrawalTransition"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();

-- Relay support that Prisma cannot express (as in the campaign subgraph): the index of unpublished
-- events and the NOTIFY that wakes the relay at commit.
CREATE INDEX "OutboxEvent_unpublished_idx" ON "OutboxEvent" ("sequence") WHERE "publishedAt" IS NULL;
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''outbox_event'', '''')\073
  RETURN NULL\073
END
';
CREATE TRIGGER "OutboxEvent_notify" AFTER INSERT ON "OutboxEvent" FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
