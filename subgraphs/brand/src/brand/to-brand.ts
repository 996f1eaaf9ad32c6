import { Money } from '@gametriggers/federation';
import type { AgeRange } from '@gametriggers/federation';
import type { Brand as BrandRow } from '../generated/prisma/client';
import type { Brand } from './brand.type';

/** The GraphQL shape of a stored brand. */
export function toBrand(row: BrandRow): Brand {
  const currency = row.budgetCurrency;
  return {
    id: row.id,
    companyName: row.companyName,
    industry: row.industry,
    website: row.website,
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    billing: {
      address: {
        line1: row.billingLine1,
        line2: row.billingLine2,
        city: row.billingCity,
        region: row.billingRegion,
        postalCode: row.billingPostalCode,
        country: row.billingCountry,
      },
      taxId: row.taxId,
    },
    marketingPreferences: {
      demographics: { countries: row.targetCountries, languages: row.targetLanguages, ageRanges: row.targetAgeRanges as AgeRange[] },
      contentCategories: row.contentCategories,
      budgetRange:
        currency && row.budgetMinMinor !== null && row.budgetMaxMinor !== null
          ? { min: Money.of(row.budgetMinMinor, currency), max: Money.of(row.budgetMaxMinor, currency) }
          : null,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
