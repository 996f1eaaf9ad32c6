import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/engine/engine-types';
import { IntervalIndex } from '../../src/engine/interval-index';

const HOUR = 3_600_000;
const facts = (n: number, start: number, hours: number): Facts => ({
  campaignId: `c${n}`,
  brandId: 'b',
  status: 'ACTIVE',
  categories: [],
  effectiveCategories: [],
  platforms: [],
  countries: [],
  startsAt: new Date(start * HOUR),
  endsAt: new Date((start + hours) * HOUR),
  streamerIds: [],
});

const windowArb = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 80 }));

describe('IntervalIndex', () => {
  it('finds exactly the windows overlapping a query, after adds one by one and in bulk, and removals', () => {
    fc.assert(
      fc.property(
        fc.array(windowArb, { maxLength: 120 }),
        fc.array(windowArb, { maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.array(windowArb, { minLength: 1, maxLength: 10 }),
        (single, bulk, removals, queries) => {
          const index = new IntervalIndex();
          const held = [
            ...single.map(([start, hours], n) => facts(n, start, hours)),
            ...bulk.map(([start, hours], n) => facts(1000 + n, start, hours)),
          ];
          held.slice(0, single.length).forEach((item) => index.add(item));
          index.addAll(held.slice(single.length));
          for (const pick of removals) {
            if (!held.length) break;
            const [removed] = held.splice(pick % held.length, 1);
            index.remove(removed!);
          }
          expect(index.size).toBe(held.length);
          for (const [start, hours] of queries) {
            const [from, to] = [start * HOUR, (start + hours) * HOUR];
            const found: string[] = [];
            index.forEachOverlapping(from, to, (item) => found.push(item.campaignId));
            const expected = held
              .filter((item) => item.startsAt.getTime() < to && item.endsAt.getTime() > from)
              .map((item) => item.campaignId);
            expect(found.sort()).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('removes only the very object given, not another with the same window', () => {
    const index = new IntervalIndex();
    const [a, b] = [facts(1, 5, 5), facts(2, 5, 5)];
    index.add(a);
    index.add(b);
    index.remove(facts(1, 5, 5));
    expect(index.size).toBe(2);
    index.remove(a);
    const found: Facts[] = [];
    index.forEachOverlapping(0, 100 * HOUR, (item) => found.push(item));
    expect(found).toEqual([b]);
  });
});
