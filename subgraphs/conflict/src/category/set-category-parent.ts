import { BadUserInputError, CATEGORY_PATTERN } from '@gametriggers/federation';
import type { Db } from '../db';
import { ancestorsOf } from './category-tree';

/**
 * Puts `slug` under `parentSlug` (null: makes it a root), creating either category as needed, in
 * one transaction. Refuses a parent below the category itself (a cycle). A trigger recomputes the
 * effective categories of every campaign in the category (GIN lookup on "effectiveCategories").
 */
export async function setCategoryParent(db: Db, slug: string, parentSlug: string | null) {
  if (!CATEGORY_PATTERN.test(slug)) throw new BadUserInputError('slug', 'slug must be a lowercase slug like "energy-drinks"');
  if (parentSlug !== null && !CATEGORY_PATTERN.test(parentSlug)) {
    throw new BadUserInputError('parentSlug', 'parentSlug must be a lowercase slug like "beverages"');
  }
  if (parentSlug === slug) throw new BadUserInputError('parentSlug', 'a category cannot be its own parent');
  return db.$transaction(async (tx) => {
    // One writer of the hierarchy at a time, so two concurrent moves cannot make a cycle together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('conflict.category-tree'))`;
    const rows = await tx.category.findMany({ select: { slug: true, parentSlug: true } });
    const parents = new Map(rows.map((row) => [row.slug, row.parentSlug]));
    if (parentSlug !== null && ancestorsOf(parentSlug, parents).includes(slug)) {
      throw new BadUserInputError('parentSlug', `${parentSlug} is below ${slug}: that would make a cycle`);
    }
    if (parentSlug !== null) await tx.category.upsert({ where: { slug: parentSlug }, create: { slug: parentSlug }, update: {} });
    return tx.category.upsert({ where: { slug }, create: { slug, parentSlug }, update: { parentSlug } });
  });
}
