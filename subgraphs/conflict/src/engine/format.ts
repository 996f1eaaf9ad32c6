/** `2027-06-01 09:00 UTC` */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `45 minutes`, `3 hours`, `11 days`: whole units, rounded down. */
export function formatDuration(minutes: number): string {
  const whole = Math.floor(minutes);
  if (whole >= 2 * 1440) return `${Math.floor(whole / 1440)} days`;
  if (whole === 1440) return '1 day';
  if (whole >= 120) return `${Math.floor(whole / 60)} hours`;
  if (whole === 60) return '1 hour';
  return whole === 1 ? '1 minute' : `${whole} minutes`;
}

export const formatWindow = (from: Date, to: Date) => `from ${formatDate(from)} to ${formatDate(to)}`;

export const list = (items: readonly string[]) => items.join(', ');
