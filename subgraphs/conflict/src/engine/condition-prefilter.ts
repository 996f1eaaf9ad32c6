import { Prisma } from '../generated/prisma/client';
import type { Condition } from './custom-condition';
import type { Facts } from './engine-types';
import type { Prefilter, PrefilterAlgebra } from './prefilter';
import { prefilterWith } from './prefilter';

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
export function conditionPrefilter(condition: Condition, subject: Facts, window: Prisma.Sql): Prefilter<Prisma.Sql> {
  return prefilterWith(condition, subject, sqlAlgebra(window));
}
