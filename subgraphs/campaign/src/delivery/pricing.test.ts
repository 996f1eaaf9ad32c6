import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capped, priceOf } from './pricing';
import type { PriceInput } from './pricing';

const sample = (over: Partial<PriceInput>): PriceInput => ({
  model: 'CPM',
  rateMinor: 1234n,
  kind: 'VIEWER_SAMPLE',
  quantity: 1n,
  viewMinutesBefore: 0n,
  startsStream: false,
  ...over,
});

describe('delivery pricing', () => {
  it('charges CPM on the running total of view-minutes, losing no fraction of a cent', () => {
    // $12.34 per 1,000 view-minutes: 300 viewers for one minute = 370.2 cents.
    const charges = [0n, 300n, 600n, 900n, 1200n].map((viewMinutesBefore) => priceOf(sample({ quantity: 300n, viewMinutesBefore })));
    // Each minute is worth 370.2 cents: the fifth minute collects the fractions the first four left.
    expect(charges).toEqual([370n, 370n, 370n, 370n, 371n]);
  });

  it('charges the sum of the samples exactly what the total would cost at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 100_000n }), { maxLength: 60 }),
        fc.bigInt({ min: 1n, max: 100_000n }),
        (viewers, rateMinor) => {
          let total = 0n;
          let charged = 0n;
          for (const quantity of viewers) {
            charged += priceOf(sample({ rateMinor, quantity, viewMinutesBefore: total }));
            total += quantity;
          }
          expect(charged).toBe((total * rateMinor) / 1000n);
        },
      ),
    );
  });

  it('prices only what each model pays for', () => {
    expect(priceOf(sample({ model: 'CPC', kind: 'CLICK' }))).toBe(1234n);
    expect(priceOf(sample({ model: 'CPC', kind: 'VIEWER_SAMPLE', quantity: 500n }))).toBe(0n);
    expect(priceOf(sample({ model: 'CPA', kind: 'CONVERSION' }))).toBe(1234n);
    expect(priceOf(sample({ model: 'CPA', kind: 'CLICK' }))).toBe(0n);
    expect(priceOf(sample({ model: 'FLAT_FEE', startsStream: true, quantity: 10n }))).toBe(1234n);
    expect(priceOf(sample({ model: 'FLAT_FEE', startsStream: false, quantity: 10n }))).toBe(0n);
    expect(priceOf(sample({ model: 'CPM', kind: 'CLICK' }))).toBe(0n);
  });

  it('cuts a price to the tightest limit and says which', () => {
    expect(capped(500n, { budget: 1000n, daily: null, perStreamer: null })).toEqual({ charge: 500n });
    expect(capped(500n, { budget: 300n, daily: 400n, perStreamer: null })).toEqual({ charge: 300n, limit: 'budget' });
    expect(capped(500n, { budget: 1000n, daily: 400n, perStreamer: 100n })).toEqual({ charge: 100n, limit: 'per-streamer cap' });
    expect(capped(500n, { budget: 1000n, daily: -5n, perStreamer: null })).toEqual({ charge: 0n, limit: 'daily cap' });
  });
});
