import type { Db } from '../db';
import type { CreateBrandInput } from './brand.inputs';
import { billingData, contactData, preferencesData } from './brand-data';

export async function createBrand(db: Db, input: CreateBrandInput) {
  return db.brand.create({
    data: {
      companyName: input.companyName.trim(),
      industry: input.industry.trim(),
      website: input.website ?? null,
      ...contactData(input.contact),
      ...billingData(input.billing),
      ...preferencesData(input.marketingPreferences, 'input.marketingPreferences'),
    },
  });
}
