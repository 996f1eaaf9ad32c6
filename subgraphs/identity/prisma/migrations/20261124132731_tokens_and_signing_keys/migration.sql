-- CreateEnum
CREATE TYPE "SigningKeyStatus" AS ENUM ('ACTIVE', 'PASSIVE', 'RETIRED');

-- DropIndex
DROP INDEX "AccountSession_tokenHash_key";

-- AlterTable
ALTER TABLE "AccountSession" DROP COLUMN "tokenHash",
ADD COLUMN     "revokedReason" TEXT;

-- CreateTable
CREATE TABLE "RefreshToken" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "tokenHash" BYTEA NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "rotatedAt" TIMESTAMP(3),
    "graceUses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RefreshToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL DEFAULT 'ES256',
    "publicJwk" JSONB NOT NULL,
    "privateJwkSealed" TEXT NOT NULL,
    "kekId" TEXT NOT NULL,
    "status" "SigningKeyStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "RefreshToken_tokenHash_key" ON "RefreshToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RefreshToken_sessionId_idx" ON "RefreshToken"("sessionId");

-- CreateIndex
CREATE INDEX "SigningKey_status_idx" ON "SigningKey"("status");

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- AddForeignKey
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AccountSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: what schema.prisma cannot express. (No semicolons in comments: the migration
-- runner splits the script on them.)

-- Sessions opened before refresh tokens held a bearer token that no longer exists: they end here.
UPDATE "AccountSession" SET "revokedAt" = CURRENT_TIMESTAMP, "revokedReason" = 'TOKEN_FORMAT_CHANGED' WHERE "revokedAt" IS NULL;
ALTER TABLE "AccountSession"
    ADD CONSTRAINT "AccountSession_revoked_reason" CHECK ("revokedReason" IS NULL OR "revokedAt" IS NOT NULL);

-- Exactly one key signs: two processes creating or rotating at once cannot both make one ACTIVE.
CREATE UNIQUE INDEX "SigningKey_one_active_key" ON "SigningKey" ("status") WHERE "status" = 'ACTIVE';
ALTER TABLE "SigningKey"
    ADD CONSTRAINT "SigningKey_algorithm" CHECK ("algorithm" = 'ES256'),
    ADD CONSTRAINT "SigningKey_deactivated" CHECK (("status" = 'ACTIVE') = ("deactivatedAt" IS NULL)),
    ADD CONSTRAINT "SigningKey_retired" CHECK (("status" = 'RETIRED') = ("retiredAt" IS NOT NULL)),
    ADD CONSTRAINT "SigningKey_sealed" CHECK ("privateJwkSealed" LIKE 'v1.' || "kekId" || '.%');

-- A SHA-256 digest, and grace uses only after a rotation.
ALTER TABLE "RefreshToken"
    ADD CONSTRAINT "RefreshToken_tokenHash_sha256" CHECK (octet_length("tokenHash") = 32),
    ADD CONSTRAINT "RefreshToken_grace_after_rotation" CHECK ("graceUses" >= 0 AND ("graceUses" = 0 OR "rotatedAt" IS NOT NULL));
