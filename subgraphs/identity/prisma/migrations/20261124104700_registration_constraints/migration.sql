-- Written by hand: what schema.prisma cannot express. (No semicolons in comments: the migration
-- runner splits the script on them.) A separate migration from registration_events because
-- PostgreSQL cannot use the enum values added there in the same transaction.

-- One account per kind and email, FAILED registrations aside: a refused sign-up releases its email,
-- so the person can register again, and the failed account stays for the record.
CREATE UNIQUE INDEX "Account_kind_email_live_key" ON "Account" ("kind", "email") WHERE "status" <> 'FAILED';

-- A brand account acts for a brand, a streamer account for a streamer, an admin for neither.
-- PENDING and FAILED accounts have no entity (yet, or ever): no half account points at nothing.
ALTER TABLE "Account" DROP CONSTRAINT "Account_kind_entity";
ALTER TABLE "Account"
    ADD CONSTRAINT "Account_kind_entity"
        CHECK (
            ("kind" = 'ADMIN' AND "brandId" IS NULL AND "streamerId" IS NULL)
            OR ("status" IN ('PENDING', 'FAILED') AND "kind" <> 'ADMIN' AND "brandId" IS NULL AND "streamerId" IS NULL)
            OR ("status" NOT IN ('PENDING', 'FAILED') AND "kind" = 'BRAND' AND "brandId" IS NOT NULL AND "streamerId" IS NULL)
            OR ("status" NOT IN ('PENDING', 'FAILED') AND "kind" = 'STREAMER' AND "streamerId" IS NOT NULL AND "brandId" IS NULL)
        );

-- Registrations are for brands and streamers, and a FAILED one says why.
ALTER TABLE "AccountRegistration"
    ADD CONSTRAINT "AccountRegistration_kind" CHECK ("kind" IN ('BRAND', 'STREAMER')),
    ADD CONSTRAINT "AccountRegistration_failure"
        CHECK (("status" = 'FAILED') = ("failureReason" IS NOT NULL)),
    ADD CONSTRAINT "AccountRegistration_completed"
        CHECK (("status" = 'PENDING') = ("completedAt" IS NULL));
