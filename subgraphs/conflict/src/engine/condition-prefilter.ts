import { Prisma } from '../generated/prisma/client';
import type { Condition, Leaf } from './custom-condition';
import type { Facts } from './engine-types';
import { leafHolds, valueOf } from './evaluate-condition';

/**
 * true / false: the condition holds for every / no campaign (decided from the subject alone);
 * 'unknown': it may hold for any campaign (left to the evaluator); otherwise a filter of type T
 * (a SQL predicate, an in-memory lookup) that every campaign it may hold for passes. `not` needs
 * the difference between true and 'unknown': not(true) is false, not('unknown') is still 'unknown'.
 */
export type Prefilter<T = Prisma.Sql> = boolean | 'unknown' | T;

/**
 * How one kind of filter is built: `leaf` for a test of another campaign's attribute against known
 * values (`other.categories contains_any [...]`; 'unknown' when the kind cannot narrow it), `all`
 * and `any` to combine filters.
 */
export interface PrefilterAlgebra<T> {
  leaf(field: string, op: Leaf['op'], values: unknown[]): T | 'unknown';
  all(parts: T[]): T;
  any(parts: T[]): T;
}

/** Operators that read the same either way round, so `campaign.x op other.y` can be turned around. */
const SYMMETRIC = new Set(['eq', 'neq', 'contains_any', 'overlaps']);

function leafPrefilter<T>(leaf: Leaf, subject: Facts, algebra: PrefilterAlgebra<T>): Prefilter<T> {
  const roots = [leaf.field, leaf.ref].filter((path): path is string => !!path).map((path) => path.split('.')[0]);
  // Streamers are not known here: anything about them may hold (the evaluator decides later).
  if (roots.includes('streamer')) return 'unknown';
  // Only the subject: known now.
  if (!roots.includes('other')) return leafHolds(leaf, { campaign: subject });
  let field = leaf.field;
  let value: unknown = leaf.value;
  if (leaf.ref !== undefined) {
    const [otherPath, campaignPath] = field.startsWith('other.') ? [field, leaf.ref] : [leaf.ref, field];
    if (!campaignPath.startsWith('campaign.') || (otherPath !== field && !SYMMETRIC.has(leaf.op))) return 'unknown';
    field = otherPath;
    value = valueOf(campaignPath, { campaign: subject });
  }
  if (value === null || value === undefined) return false; // the evaluator finds an unknown operand false
  return algebra.leaf(field, leaf.op, Array.isArray(value) ? value : [value]);
}

/**
 * A filter that every campaign `other` for which `condition` can hold (with `subject` as
 * `campaign`) passes: leaves about the subject are decided now, leaves about `other` become
 * filters of the algebra, anything else is left to the evaluator ('unknown'). It may let through
 * campaigns that do not match, never the other way round.
 */
export function prefilterWith<T>(condition: Condition, subject: Facts, algebra: PrefilterAlgebra<T>): Prefilter<T> {
  if ('all' in condition) {
    const parts: T[] = [];
    let unknown = false;
    for (const child of condition.all) {
      const part = prefilterWith(child, subject, algebra);
      if (part === false) return false;
      if (part === 'unknown') unknown = true;
      else if (part !== true) parts.push(part);
    }
    if (parts.length) return algebra.all(parts);
    return unknown ? 'unknown' : true;
  }
  if ('any' in condition) {
    const parts: T[] = [];
    let unknown = false;
    for (const child of condition.any) {
      const part = prefilterWith(child, subject, algebra);
      if (part === true) return true;
      if (part === 'unknown') unknown = true;
      else if (part !== false) parts.push(part);
    }
    if (unknown) return 'unknown';
    return parts.length ? algebra.any(parts) : false;
  }
  if ('not' in condition) {
    const inner = prefilterWith(condition.not, subject, algebra);
    return typeof inner === 'boolean' ? !inner : 'unknown';
  }
  return leafPrefilter(condition, subject, algebra);
}

const COLUMNS: Record<string, { column: string; type: string; list: boolean }> = {
  'other.id': { column: '"campaignId"', type: 'uuid', list: false },
  'other.brandId': { column: '"brandId"', type: 'uuid', list: false },
  'other.status': { column: '"status"', type: 'text', list: false },
  'other.categories': { column: '"effectiveCategories"', type: 'text', list: true },
  'other.platforms': { column: '"platforms"', type: 'text', list: true },
  'other.countries': { column: '"countries"', type: 'text', list: true },
};

/** SQL predicates over "CampaignFacts", each answerable from an index (`&&`, `@>`, `= ANY`). */
const sqlAlgebra = (window: Prisma.Sql): PrefilterAlgebra<Prisma.Sql> => ({
  leaf(field, op, values) {
    const column = COLUMNS[field];
    if (!column) return 'unknown';
    const raw = Prisma.raw(column.column);
    const array = Prisma.sql`${values}::${Prisma.raw(column.type)}[]`;
    if (column.list) {
      if (op === 'contains_all') return Prisma.sql`${raw} @> ${array}`;
      if (field === 'other.categories') {
        // Competing campaigns in these categories overlapping the window: the (category, window) GiST.
        return Prisma.sql`"campaignId" IN (SELECT "campaignId" FROM "CampaignCategoryWindow" WHERE "category" = ANY(${array}) AND "window" && ${window})`;
      }
      return Prisma.sql`${raw} && ${array}`; // contains_any, overlaps
    }
    switch (op) {
      case 'eq':
      case 'in':
        return Prisma.sql`${raw} = ANY(${array})`;
      case 'neq':
      case 'not_in':
        return Prisma.sql`${raw} <> ALL(${array})`;
    }
    return 'unknown';
  },
  all: (parts) => Prisma.sql`(${Prisma.join(parts, ' AND ')})`,
  any: (parts) => Prisma.sql`(${Prisma.join(parts, ' OR ')})`,
});

/** The prefilter as a SQL predicate over "CampaignFacts" for campaigns competing in `window`. */
export function conditionPrefilter(condition: Condition, subject: Facts, window: Prisma.Sql): Prefilter {
  return prefilterWith(condition, subject, sqlAlgebra(window));
}
