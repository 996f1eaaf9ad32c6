// One fixed locale, so the server's HTML and the browser's re-render agree (no hydration mismatch).
const counts = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** { amount: "1500.00", currency: "USD" } → "1,500.00 USD"; the amount stays a decimal string (no float rounding). */
export function formatMoney(money: { amount: string; currency: string } | null | undefined): string {
  if (!money) return '—';
  const [whole = '0', fraction] = money.amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${money.currency}`;
}

/** ACTIVE → "Active", IN_REVIEW → "In review". */
export function formatStatus(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Sums amounts per currency, exactly (decimal strings, no floats); currencies in alphabetical order. */
export function sumMoney(amounts: { amount: string; currency: string }[]): { amount: string; currency: string }[] {
  const totals = new Map<string, { units: bigint; scale: number }>();
  for (const { amount, currency } of amounts) {
    const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
    const sign = amount.startsWith('-') ? -1n : 1n;
    const current = totals.get(currency) ?? { units: 0n, scale: 0 };
    const scale = Math.max(current.scale, fraction.length);
    const units = current.units * 10n ** BigInt(scale - current.scale) + sign * BigInt(`${whole}${fraction.padEnd(scale, '0')}`);
    totals.set(currency, { units, scale });
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { units, scale }]) => {
      const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
      const whole = digits.slice(0, digits.length - scale);
      const amount = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
      return { amount: units < 0n ? `-${amount}` : amount, currency };
    });
}

/** 2026-06-01T00:00:00Z → "1 Jun 2026" (UTC, one locale: server and browser agree). */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}
