-- CreateEnum
CREATE TYPE "OAuthProvider" AS ENUM ('TWITCH', 'YOUTUBE');

-- CreateEnum
CREATE TYPE "OAuthPurpose" AS ENUM ('SIGN_IN', 'LINK');

-- CreateTable
CREATE TABLE "OAuthFlow" (
    "stateHash" BYTEA NOT NULL,
    "provider" "OAuthProvider" NOT NULL,
    "purpose" "OAuthPurpose" NOT NULL,
    "accountId" UUID,
    "codeVerifierSealed" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "OAuthFlow_pkey" PRIMARY KEY ("stateHash")
);

-- CreateTable
CREATE TABLE "ExternalIdentity" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "provider" "OAuthProvider" NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "username" TEXT,
    "accessTokenSealed" TEXT,
    "refreshTokenSealed" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "ExternalIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OAuthFlow_expiresAt_idx" ON "OAuthFlow"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_provider_subject_key" ON "ExternalIdentity"("provider", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_accountId_provider_key" ON "ExternalIdentity"("accountId", "provider");

-- AddForeignKey
ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: what schema.prisma cannot express. (No semicolons in comments: the migration
-- runner splits the script on them.) A link flow belongs to an account, a sign-in flow to no one yet.
ALTER TABLE "OAuthFlow"
    ADD CONSTRAINT "OAuthFlow_stateHash_sha256" CHECK (octet_length("stateHash") = 32),
    ADD CONSTRAINT "OAuthFlow_link_account" CHECK (("purpose" = 'LINK') = ("accountId" IS NOT NULL)),
    ADD CONSTRAINT "OAuthFlow_expires_after_start" CHECK ("expiresAt" > "createdAt");
