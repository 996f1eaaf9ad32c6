import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { UpdateBrandInput } from './brand.inputs';
import { billingData, contactData, preferencesData } from './brand-data';
import { changeBrandProfile } from './brand-profile-event';

/**
 * Changes the fields given. A new industry or content categories (marketing preferences are
 * replaced whole) publish BrandProfileChanged with the change; other edits do not.
 */
export async function updateBrand(db: Db, id: string, input: UpdateBrandInput) {
  if (!isUuid(id)) throw new NotFoundError('Brand', id);
  const data = {
    ...(input.companyName !== undefined ? { companyName: input.companyName.trim() } : {}),
    ...(input.industry !== undefined ? { industry: input.industry.trim() } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
    ...(input.contact ? contactData(input.contact) : {}),
    ...(input.billing ? billingData(input.billing) : {}),
    ...(input.marketingPreferences ? preferencesData(input.marketingPreferences, 'input.marketingPreferences') : {}),
  };
  const brand = await db.$transaction((tx) => changeBrandProfile(tx, id, () => tx.brand.update({ where: { id }, data })));
  if (!brand) throw new NotFoundError('Brand', id);
  return brand;
}
