-- CreateTable
CREATE TABLE "StreamerProfile" (
    "streamerId" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "languages" TEXT[],
    "audienceAgeRanges" TEXT[],
    "platforms" JSONB NOT NULL,
    "revision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StreamerProfile_pkey" PRIMARY KEY ("streamerId")
);
