import { BrandProfileChanged, writeEvent } from '@gametriggers/events';
import type { Brand, Prisma } from '../generated/prisma/client';

type ProfileRow = Pick<Brand, 'id' | 'industry' | 'contentCategories' | 'revision'>;

/** The facts BrandProfileChanged carries, without the revision: what a change is compared on. */
const factsKey = (row: ProfileRow) => JSON.stringify([row.industry, row.contentCategories]);

/** Writes BrandProfileChanged with the brand's current industry, content categories and revision, in the caller's transaction. */
async function publishProfile(tx: Prisma.TransactionClient, row: ProfileRow): Promise<void> {
  await writeEvent(tx, BrandProfileChanged, {
    subject: row.id,
    data: { brandId: row.id, industry: row.industry, contentCategories: row.contentCategories, revision: row.revision },
  });
}

/**
 * A brand was just created (revision 1, the column's default): consumers learn its first facts.
 * In the creating transaction, so the event exists exactly when the brand does.
 */
export async function publishCreatedBrand(tx: Prisma.TransactionClient, row: ProfileRow): Promise<void> {
  await publishProfile(tx, row);
}

/**
 * Runs `change` on a brand in the caller's transaction and, only when it changed the industry or
 * the content categories, raises the revision and writes BrandProfileChanged with the new values;
 * other edits (name, contact, billing, targeting) publish nothing. The brand's row is locked first
 * (false when there is none, nothing run), so the state compared against is the one the change
 * starts from and concurrent changes get successive revisions. Returns the brand after, or null.
 */
export async function changeBrandProfile(
  tx: Prisma.TransactionClient,
  brandId: string,
  change: () => Promise<unknown>,
): Promise<Brand | null> {
  const { count } = await tx.brand.updateMany({ where: { id: brandId }, data: { updatedAt: new Date() } });
  if (!count) return null;
  const before = await tx.brand.findUniqueOrThrow({ where: { id: brandId } });
  await change();
  const after = await tx.brand.findUniqueOrThrow({ where: { id: brandId } });
  if (factsKey(before) === factsKey(after)) return after;
  const raised = await tx.brand.update({ where: { id: brandId }, data: { revision: { increment: 1 } } });
  await publishProfile(tx, raised);
  return raised;
}
