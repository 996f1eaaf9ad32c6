import type { Facts } from './engine-types';

export interface CapPeak {
  /** A start of a period where the most campaigns run (the period is `periodMinutes` long; 0: that instant). */
  at: Date;
  /** The campaigns running in it: the evaluated one first, then by start and id. */
  campaigns: Facts[];
}

/**
 * The busiest `periodMinutes`-long period (sliding, not aligned to the clock) that overlaps the
 * subject's window: the most campaigns among `subject` and `booked` that a streamer would carry
 * within one such period. A campaign [s, e) runs within the period [t, t + P) when
 * s < t + P and t < e, i.e. t in (s - P, e): a sweep over those intervals, restricted to the
 * subject's own, finds the maximum. With P = 0 it counts campaigns running at the same instant.
 */
export function busiestPeriod(subject: Facts, booked: readonly Facts[], periodMinutes: number): CapPeak {
  const period = periodMinutes * 60_000;
  const all = [subject, ...booked];
  // For P > 0 the interval of t is open at s - P; using [s - P, e) only adds a single instant that
  // no other interval can make matter, and keeps P = 0 exact ([s, e)).
  const points: { at: number; delta: 1 | -1; index: number }[] = [];
  all.forEach((facts, index) => {
    points.push({ at: facts.startsAt.getTime() - period, delta: 1, index });
    points.push({ at: facts.endsAt.getTime(), delta: -1, index });
  });
  // Ends before starts at the same instant: [s, e) intervals that only touch do not overlap.
  points.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const running = new Set<number>();
  let best: { at: number; members: number[] } = { at: subject.startsAt.getTime() - period, members: [0] };
  for (const point of points) {
    if (point.delta === 1) running.add(point.index);
    else running.delete(point.index);
    if (point.delta === 1 && running.has(0) && running.size > best.members.length) {
      best = { at: point.at, members: [...running] };
    }
  }
  // The subject first, then by start and id: the same answer whatever order the campaigns came in.
  const members = best.members
    .map((index) => all[index]!)
    .sort(
      (a, b) =>
        Number(b === subject) - Number(a === subject) ||
        a.startsAt.getTime() - b.startsAt.getTime() ||
        a.campaignId.localeCompare(b.campaignId),
    );
  // Any t in [latest start - P, earliest end) names the period; the latest start reads best.
  const latestStart = Math.max(...members.map((facts) => facts.startsAt.getTime()));
  const earliestEnd = Math.min(...members.map((facts) => facts.endsAt.getTime()));
  return { at: new Date(latestStart < earliestEnd ? latestStart : latestStart - period), campaigns: members };
}
