import type { Category as CategoryRow } from '../generated/prisma/client';
import type { Category } from './category.type';

/** Ancestors of `slug`, parent first; stops on a cycle (the database refuses only self-parents). */
export function ancestorsOf(slug: string, parents: ReadonlyMap<string, string | null>): string[] {
  const found: string[] = [];
  for (let parent = parents.get(slug); parent && parent !== slug && !found.includes(parent); parent = parents.get(parent)) {
    found.push(parent);
  }
  return found;
}

export function toCategories(rows: readonly CategoryRow[]): Category[] {
  const parents = new Map(rows.map((row) => [row.slug, row.parentSlug]));
  return rows.map((row) => ({ slug: row.slug, parentSlug: row.parentSlug, ancestors: ancestorsOf(row.slug, parents) }));
}
