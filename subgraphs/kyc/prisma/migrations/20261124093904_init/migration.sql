-- CreateEnum
CREATE TYPE "KycSubjectType" AS ENUM ('STREAMER', 'BRAND');

-- CreateEnum
CREATE TYPE "KycDocumentType" AS ENUM ('PASSPORT', 'NATIONAL_ID', 'DRIVERS_LICENSE', 'RESIDENCE_PERMIT', 'BUSINESS_REGISTRATION');

-- CreateEnum
CREATE TYPE "KycStatus" AS ENUM ('NOT_STARTED', 'PENDING', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'EXPIRED');

-- CreateTable
CREATE TABLE "KycCase" (
    "id" UUID NOT NULL,
    "subjectType" "KycSubjectType" NOT NULL,
    "subjectId" UUID NOT NULL,
    "documentType" "KycDocumentType" NOT NULL,
    "documentCountry" CHAR(2) NOT NULL,
    "status" "KycStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "rejectionReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewerNote" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KycCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KycCaseEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "fromStatus" "KycStatus",
    "toStatus" "KycStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "KycCaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KycCase_subjectType_subjectId_id_idx" ON "KycCase"("subjectType", "subjectId", "id");

-- CreateIndex
CREATE INDEX "KycCase_status_id_idx" ON "KycCase"("status", "id");

-- CreateIndex
CREATE INDEX "KycCase_subjectType_id_idx" ON "KycCase"("subjectType", "id");

-- CreateIndex
CREATE INDEX "KycCaseEvent_caseId_at_idx" ON "KycCaseEvent"("caseId", "at");

-- AddForeignKey
ALTER TABLE "KycCaseEvent" ADD CONSTRAINT "KycCaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "KycCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand (Prisma cannot express these).
-- At most 3 submissions per case (MAX_ATTEMPTS in src/kyc-case/kyc-rules.ts).
ALTER TABLE "KycCase" ADD CONSTRAINT "KycCase_attempts_check" CHECK ("attempts" BETWEEN 0 AND 3);

-- Brands verify with a business registration, streamers with a personal document.
ALTER TABLE "KycCase" ADD CONSTRAINT "KycCase_document_fits_subject_check"
    CHECK (("subjectType" = 'BRAND') = ("documentType" = 'BUSINESS_REGISTRATION'));

-- One case in progress per subject (OPEN_CASE in src/kyc-case/kyc-rules.ts): concurrent opens cannot both win.
CREATE UNIQUE INDEX "KycCase_one_open_case_per_subject" ON "KycCase"("subjectType", "subjectId")
    WHERE "status" IN ('NOT_STARTED', 'PENDING', 'IN_REVIEW') OR ("status" = 'REJECTED' AND "attempts" < 3);
