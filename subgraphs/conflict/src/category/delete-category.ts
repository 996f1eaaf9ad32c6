import { ConflictError, NotFoundError } from '@gametriggers/federation';
import type { Db } from '../db';

/** Removes a category from the hierarchy (campaigns keep the slug); CONFLICT while it has children. */
export async function deleteCategory(db: Db, slug: string): Promise<string> {
  const children = await db.category.count({ where: { parentSlug: slug } });
  if (children) throw new ConflictError(`${slug} has ${children} child categories: move or delete them first`, 'slug');
  const { count } = await db.category.deleteMany({ where: { slug } });
  if (!count) throw new NotFoundError('Category', slug);
  return slug;
}
