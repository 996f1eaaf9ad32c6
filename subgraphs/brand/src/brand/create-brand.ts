import type { Prisma } from '../generated/prisma/client';
import type { CreateBrandInput } from './brand.inputs';
import { billingData, contactData, preferencesData } from './brand-data';
import { publishCreatedBrand } from './brand-profile-event';

/**
 * Creates a brand from a validated input (createBrand, or a registration's profile; `id` is then the
 * id identity assigned). Rules spanning fields fail with BAD_USER_INPUT under `input.`. Writes
 * BrandProfileChanged (revision 1) with it: `tx` must be a transaction, so both exist or neither does.
 */
export async function createBrand(tx: Prisma.TransactionClient, input: CreateBrandInput, id?: string) {
  const brand = await tx.brand.create({
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
  await publishCreatedBrand(tx, brand);
  return brand;
}
