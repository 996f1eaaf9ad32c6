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
