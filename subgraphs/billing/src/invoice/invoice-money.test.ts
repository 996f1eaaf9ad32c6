import { describe, expect, it } from 'vitest';
import { invoiceAmounts, taxOf } from './invoice-money';

describe('taxOf', () => {
  it('rounds half up to the minor unit, in integers', () => {
    expect(taxOf(1010n, 500)).toBe(51n); // 50.5
    expect(taxOf(1009n, 500)).toBe(50n); // 50.45
    expect(taxOf(1n, 5000)).toBe(1n); // 0.5
    expect(taxOf(1n, 4999)).toBe(0n); // 0.4999
    expect(taxOf(0n, 10_000)).toBe(0n);
    expect(taxOf(999_999_000_000n, 1999)).toBe(199_899_800_100n);
    // Beyond float precision: 2^60 x 33.33 % would lose digits as a Number.
    expect(taxOf(2n ** 60n, 3333)).toBe((2n ** 60n * 3333n + 5000n) / 10_000n);
  });

  it('makes total = subtotal + tax', () => {
    expect(invoiceAmounts(6002n, 825)).toEqual({ subtotalMinor: 6002n, taxMinor: 495n, totalMinor: 6497n });
  });
});
