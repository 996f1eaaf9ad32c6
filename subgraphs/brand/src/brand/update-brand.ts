import { NotFoundError } from '@gametriggers/federation';
import type { Db } from '../db';
import type { UpdateBrandInput } from './brand.inputs';
import { billingData, contactData, preferencesData } from './brand-data';

export async function updateBrand(db: Db, id: string, input: UpdateBrandInput) {
  const data = {
    ...(input.companyName !== undefined ? { companyName: input.companyName.trim() } : {}),
    ...(input.industry !== undefined ? { industry: input.industry.trim() } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
    ...(input.contact ? contactData(input.contact) : {}),
    ...(input.billing ? billingData(input.billing) : {}),
    ...(input.marketingPreferences ? preferencesData(input.marketingPreferences, 'input.marketingPreferences') : {}),
  };
  const { count } = await db.brand.updateMany({ where: { id }, data });
  if (!count) throw new NotFoundError('Brand', id);
  return db.brand.findUniqueOrThrow({ where: { id } });
}
