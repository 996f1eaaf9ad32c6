import type { Prisma } from '../generated/prisma/client';
import type { CreateBrandInput } from './brand.inputs';
import { billingData, contactData, preferencesData } from './brand-data';

/**
 * Creates a brand from a validated input (createBrand, or a registration's profile; `id` is then the
 * id identity assigned). Rules spanning fields fail with BAD_USER_INPUT under `input.`.
 */
export async function createBrand(db: Prisma.TransactionClient, input: CreateBrandInput, id?: string) {
  return db.brand.create({
    data: {
      ...(id ? { id } : {}),
      companyName: input.companyName.trim(),
      industry: input.industry.trim(),
      website: input.website ?? null,
      ...contactData(input.contact),
      ...billingData(input.billing),
      ...preferencesData(input.marketingPreferences, 'input.marketingPreferences'),
    },
  });
}
