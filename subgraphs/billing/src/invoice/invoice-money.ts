/** Largest amount of one line, in minor units: 100 lines and 100 % tax stay far inside a GraphQL SafeInt. */
export const MAX_LINE_AMOUNT_MINOR = 10n ** 12n;

/** subtotal x rate / 10000, rounded half up to the minor unit, in integers only (amounts are never negative). */
export function taxOf(subtotalMinor: bigint, taxRateBasisPoints: number): bigint {
  return (subtotalMinor * BigInt(taxRateBasisPoints) + 5_000n) / 10_000n;
}

/** The stored amounts of an invoice whose lines sum to `subtotalMinor`. */
export function invoiceAmounts(subtotalMinor: bigint, taxRateBasisPoints: number) {
  const taxMinor = taxOf(subtotalMinor, taxRateBasisPoints);
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}
