-- CreateTable
CREATE TABLE "Brand" (
    "id" UUID NOT NULL,
    "companyName" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "website" TEXT,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "billingLine1" TEXT NOT NULL,
    "billingLine2" TEXT,
    "billingCity" TEXT NOT NULL,
    "billingRegion" TEXT,
    "billingPostalCode" TEXT NOT NULL,
    "billingCountry" CHAR(2) NOT NULL,
    "taxId" TEXT,
    "targetCountries" TEXT[],
    "targetLanguages" TEXT[],
    "targetAgeRanges" TEXT[],
    "contentCategories" TEXT[],
    "budgetCurrency" CHAR(3),
    "budgetMinMinor" BIGINT,
    "budgetMaxMinor" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Brand_industry_id_idx" ON "Brand"("industry", "id");
