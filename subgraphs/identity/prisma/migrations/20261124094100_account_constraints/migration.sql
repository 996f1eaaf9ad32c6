-- Written by hand: what schema.prisma cannot express. (No semicolons in comments: the migration
-- runner splits the script on them.)

-- A brand account acts for a brand, a streamer account for a streamer, an admin for neither.
ALTER TABLE "Account"
    ADD CONSTRAINT "Account_kind_entity"
        CHECK (
            ("kind" = 'BRAND' AND "brandId" IS NOT NULL AND "streamerId" IS NULL)
            OR ("kind" = 'STREAMER' AND "streamerId" IS NOT NULL AND "brandId" IS NULL)
            OR ("kind" = 'ADMIN' AND "brandId" IS NULL AND "streamerId" IS NULL)
        ),
    ADD CONSTRAINT "Account_email_normalized"
        CHECK ("email" = lower(btrim("email")) AND "email" LIKE '%_@_%');

-- A SHA-256 digest, and a session that ends after it starts.
ALTER TABLE "AccountSession"
    ADD CONSTRAINT "AccountSession_tokenHash_sha256" CHECK (octet_length("tokenHash") = 32),
    ADD CONSTRAINT "AccountSession_expires_after_start" CHECK ("expiresAt" > "createdAt");
